import type { Selectable } from "kysely";
import type { Db, FlowRunEnd, SuiteFlowRunsTable } from "@openwaba/store";
import { newId } from "../ids";
import { recordEvent } from "../inbox/conversation-events";
import type { Suite } from "../suite";
import { tenantTransaction } from "../realtime/tenant-lock";
import { routeConversation } from "../routing/assign";
import { liveFlows, type PublishedFlow } from "./flow-catalog";

// Flow runs in the store: started, traced, ended. Every change happens in the caller's
// transaction, with the conversation's timeline event and the job that moves the run on.

export type FlowRun = Selectable<SuiteFlowRunsTable>;
export type EndState = FlowRunEnd;

/** What moves a run on: its start, a reply (perhaps asking for a person), a timer. */
export type RunInput =
  | { kind: "start" }
  | {
      kind: "reply";
      messageId: string;
      reply: { type: string; text: string; id: string | null };
      asksForHuman?: boolean;
    }
  | { kind: "timer"; token: string };

export async function activeRun(tx: Db, conversationId: string): Promise<FlowRun | undefined> {
  return tx
    .selectFrom("suite_flow_runs")
    .selectAll()
    .where("conversation_id", "=", conversationId)
    .where("state", "=", "active")
    .executeTakeFirst();
}

/** Queues an input for a run; inputs of one conversation are handled one at a time, in order. */
export async function queueRunInput(
  suite: Suite,
  tx: Db,
  run: { id: string; conversation_id: string },
  input: RunInput,
  runAt = suite.clock.now(),
): Promise<void> {
  await suite.jobs.enqueue(tx, "flow.input", { runId: run.id, input }, { key: run.conversation_id, runAt });
}

/** Adds a line to a run's trace. */
export async function trace(
  suite: Suite,
  tx: Db,
  runId: string,
  node: string | null,
  kind: string,
  detail: Record<string, unknown> = {},
): Promise<void> {
  await tx
    .insertInto("suite_flow_steps")
    .values({ run_id: runId, node, kind, detail: JSON.stringify(detail), at: suite.clock.now() })
    .execute();
}

/**
 * Starts a run of a published flow in a conversation — unless one is active there already (one
 * run per conversation, held by a unique index). Returns the run's id, or null.
 */
export async function startRun(
  suite: Suite,
  tx: Db,
  o: {
    flow: PublishedFlow;
    conversationId: string;
    waId: string;
    tenantId: string;
    trigger: Record<string, unknown>;
    event?: Record<string, unknown>;
  },
): Promise<string | null> {
  const now = suite.clock.now();
  const id = newId();
  const made = await tx
    .insertInto("suite_flow_runs")
    .values({
      id,
      tenant_id: o.tenantId,
      flow_id: o.flow.id,
      flow_version: o.flow.version,
      conversation_id: o.conversationId,
      wa_id: o.waId,
      state: "active",
      node: o.flow.document.start,
      waiting: null,
      wait_token: null,
      wait_until: null,
      attempts: 0,
      steps: 0,
      vars: JSON.stringify({ vars: {}, event: o.event ?? {}, reply: null, http: null }),
      trigger: JSON.stringify(o.trigger),
      started_at: now,
      updated_at: now,
      ended_at: null,
      end_reason: null,
    })
    .onConflict((c) => c.doNothing())
    .executeTakeFirst();
  if (!Number(made.numInsertedOrUpdatedRows ?? 1)) return null;
  await tx.updateTable("suite_conversations").set({ bot_run_id: id }).where("id", "=", o.conversationId).execute();
  await trace(suite, tx, id, null, "started", { flow: o.flow.name, version: o.flow.version, trigger: o.trigger });
  await recordEvent(suite, tx, o.conversationId, "bot_started", null, {
    run_id: id,
    flow_id: o.flow.id,
    flow: o.flow.name,
  });
  await queueRunInput(suite, tx, { id, conversation_id: o.conversationId }, { kind: "start" });
  return id;
}

/** Ends a run that is still active; false when it had ended already (someone else ended it). */
export async function endRun(
  suite: Suite,
  tx: Db,
  run: { id: string; conversation_id: string },
  state: EndState,
  reason: string,
  actorId: string | null = null,
): Promise<boolean> {
  const now = suite.clock.now();
  const r = await tx
    .updateTable("suite_flow_runs")
    .set({
      state,
      end_reason: reason,
      ended_at: now,
      updated_at: now,
      waiting: null,
      wait_token: null,
      wait_until: null,
    })
    .where("id", "=", run.id)
    .where("state", "=", "active")
    .executeTakeFirst();
  if (!Number(r.numUpdatedRows)) return false;
  await tx
    .updateTable("suite_conversations")
    .set({ bot_run_id: null })
    .where("id", "=", run.conversation_id)
    .where("bot_run_id", "=", run.id)
    .execute();
  await trace(suite, tx, run.id, null, "ended", { state, reason });
  const kind = state === "completed" ? "bot_finished" : state === "handed_over" ? "bot_handed_over" : "bot_stopped";
  await recordEvent(suite, tx, run.conversation_id, kind, actorId, { run_id: run.id, reason });
  return true;
}

/** A run that cannot go on: it fails, and its conversation goes to the team's queue, in one transaction. */
export async function abandonRun(
  suite: Suite,
  run: { id: string; conversation_id: string; tenant_id: string },
  reason: string,
): Promise<void> {
  await tenantTransaction(suite, run.tenant_id, async (tx) => {
    if (await endRun(suite, tx, run, "failed", reason)) await backToPeople(suite, tx, run.conversation_id);
  });
  suite.bus.notify();
}

/** Nobody is talking to the customer any more: an open conversation nobody holds goes to a team's queue. */
export async function backToPeople(suite: Suite, tx: Db, conversationId: string): Promise<void> {
  const c = await tx
    .selectFrom("suite_conversations")
    .select(["assignee_id", "state"])
    .where("id", "=", conversationId)
    .executeTakeFirstOrThrow();
  if (!c.assignee_id && c.state !== "resolved") await routeConversation(suite, tx, conversationId, "");
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
  if (run) await endRun(suite, tx, run, "stopped", reason, actorId);
}

/** After an agent resolves a conversation, a flow triggered by that (a satisfaction survey) starts. */
export async function startResolvedFlow(suite: Suite, tx: Db, conversationId: string): Promise<void> {
  const c = await tx
    .selectFrom("suite_conversations")
    .select(["id", "tenant_id", "wa_id", "phone_number_id"])
    .where("id", "=", conversationId)
    .executeTakeFirstOrThrow();
  const flow = (await liveFlows(tx, c.tenant_id, ["conversation_resolved"]))
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
