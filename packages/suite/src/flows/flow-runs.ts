import type { Selectable } from "kysely";
import type { Db, FlowRunEnd, SuiteFlowRunsTable } from "@openwaba/store";
import type { Suite } from "../suite";
import { tenantTransaction } from "../unit-of-work";
import { liveFlows } from "./flow-catalog";
import { endRun } from "./commands/end-run";
import { giveBackToPeople } from "./commands/give-back-to-people";
import { startRun } from "./commands/start-run";

// Flow runs as the rest of the suite meets them: the run a conversation has, a person taking over
// from the bot, a run that cannot go on, the survey after a resolve. Their writes are the
// commands' (commands/), in the caller's transaction.

export type FlowRun = Selectable<SuiteFlowRunsTable>;
export type EndState = FlowRunEnd;

export async function activeRun(tx: Db, conversationId: string): Promise<FlowRun | undefined> {
  return tx
    .selectFrom("suite_flow_runs")
    .selectAll()
    .where("conversation_id", "=", conversationId)
    .where("state", "=", "active")
    .executeTakeFirst();
}

/** A run that cannot go on: it fails, and its conversation goes to the team's queue, in one transaction. */
export async function abandonRun(
  suite: Suite,
  run: { id: string; conversation_id: string; tenant_id: string },
  reason: string,
): Promise<void> {
  await tenantTransaction(suite, run.tenant_id, async (tx) => {
    await giveBackToPeople(suite, tx, { run, state: "failed", reason, actorId: null });
  });
}

/** A person took the conversation (answered, claimed, transferred, resolved): its bot stops. */
export async function stopBotRun(
  suite: Suite,
  tx: Db,
  conversationId: string,
  reason: string,
  actorId: string | null,
): Promise<void> {
  const run = await activeRun(tx, conversationId);
  if (run) await endRun(suite, tx, { run, state: "stopped", reason, actorId });
}

/** After an agent resolves a conversation, a flow triggered by that (a satisfaction survey) starts. */
export async function startResolvedFlow(suite: Suite, tx: Db, conversationId: string): Promise<void> {
  const c = await tx
    .selectFrom("suite_conversations")
    .select(["id", "tenant_id", "wa_id", "phone_number_id"])
    .where("id", "=", conversationId)
    .executeTakeFirstOrThrow();
  const flow = (await liveFlows(suite, tx, { tenantId: c.tenant_id, triggerTypes: ["conversation_resolved"] }))
    .filter((f) => !f.phoneNumberIds?.length || f.phoneNumberIds.includes(c.phone_number_id))
    .sort((a, b) => a.createdAt - b.createdAt)[0];
  if (flow)
    await startRun(suite, tx, {
      flow,
      conversationId: c.id,
      waId: c.wa_id,
      tenantId: c.tenant_id,
      trigger: { type: "conversation_resolved" },
    });
}
