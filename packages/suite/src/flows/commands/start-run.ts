import type { Db } from "@openwaba/store";
import { newId } from "../../ids";
import { holdForBot } from "../../inbox/commands/hold-for-bot";
import { recordEvent } from "../../inbox/commands/record-event";
import type { Suite } from "../../suite";
import type { PublishedFlow } from "../flow-catalog";
import { queueRunInput } from "../run-input";
import { traceStep } from "./trace-step";

export interface StartRunProps {
  /** The published flow, at the version the run keeps to its end. */
  flow: PublishedFlow;
  /** The conversation the bot holds while it runs. */
  conversationId: string;
  /** The customer it talks to. */
  waId: string;
  tenantId: string;
  /** What started it ({type: "keyword", message_id}, {type: "manual", by} …), shown with the run. */
  trigger: Record<string, unknown>;
  /** The business event's data, readable in the flow as {{event.*}}. */
  event?: Record<string, unknown>;
}

/**
 * Starts a run of a published flow in a conversation — unless one is active there already (one
 * run per conversation, held by a unique index). The bot holds the conversation, the timeline says
 * so, and the run's first input is queued. Returns the run's id, or null.
 */
export async function startRun(suite: Suite, tx: Db, p: StartRunProps): Promise<string | null> {
  const now = suite.clock.now();
  const id = newId();
  const made = await tx
    .insertInto("suite_flow_runs")
    .values({
      id,
      tenant_id: p.tenantId,
      flow_id: p.flow.id,
      flow_version: p.flow.version,
      conversation_id: p.conversationId,
      wa_id: p.waId,
      state: "active",
      node: p.flow.document.start,
      waiting: null,
      wait_token: null,
      wait_until: null,
      attempts: 0,
      steps: 0,
      vars: JSON.stringify({ vars: {}, event: p.event ?? {}, reply: null, http: null }),
      trigger: JSON.stringify(p.trigger),
      started_at: now,
      updated_at: now,
      ended_at: null,
      end_reason: null,
    })
    .onConflict((c) => c.doNothing())
    .executeTakeFirst();
  if (!Number(made.numInsertedOrUpdatedRows ?? 1)) return null;
  await holdForBot(tx, { conversationId: p.conversationId, runId: id });
  await traceStep(suite, tx, {
    runId: id,
    node: null,
    kind: "started",
    detail: { flow: p.flow.name, version: p.flow.version, trigger: p.trigger },
  });
  await recordEvent(suite, tx, {
    conversationId: p.conversationId,
    kind: "bot_started",
    actorId: null,
    data: {
      run_id: id,
      flow_id: p.flow.id,
      flow: p.flow.name,
    },
  });
  await queueRunInput(suite, tx, { id, conversation_id: p.conversationId }, { kind: "start" });
  return id;
}
