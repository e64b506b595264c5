import type { Db } from "@openwaba/store";
import { releaseFromBot } from "../../inbox/commands/hold-for-bot";
import { recordEvent } from "../../inbox/commands/record-event";
import type { Suite } from "../../suite";
import type { EndState } from "../flow-runs";
import { traceStep } from "./trace-step";

export interface EndRunProps {
  /** The run, ended only while it is still active. */
  run: { id: string; conversation_id: string };
  /** How it ended: completed, handed over, stopped by a person, expired, failed. */
  state: EndState;
  /** Why, in words: shown on the run and on the conversation's timeline. */
  reason: string;
  /** Who ended it; null: the suite (the flow itself, a timer, a failure). */
  actorId: string | null;
}

/**
 * Ends a run that is still active: the bot lets go of the conversation, and the trace and the
 * timeline say how it ended. False when it had ended already (someone else ended it).
 */
export async function endRun(suite: Suite, tx: Db, p: EndRunProps): Promise<boolean> {
  const now = suite.clock.now();
  const r = await tx
    .updateTable("suite_flow_runs")
    .set({
      state: p.state,
      end_reason: p.reason,
      ended_at: now,
      updated_at: now,
      waiting: null,
      wait_token: null,
      wait_until: null,
    })
    .where("id", "=", p.run.id)
    .where("state", "=", "active")
    .executeTakeFirst();
  if (!Number(r.numUpdatedRows)) return false;
  await releaseFromBot(tx, { conversationId: p.run.conversation_id, runId: p.run.id });
  await traceStep(suite, tx, {
    runId: p.run.id,
    node: null,
    kind: "ended",
    detail: { state: p.state, reason: p.reason },
  });
  const kind = p.state === "completed" ? "bot_finished" : p.state === "handed_over" ? "bot_handed_over" : "bot_stopped";
  await recordEvent(suite, tx, {
    conversationId: p.run.conversation_id,
    kind,
    actorId: p.actorId,
    data: { run_id: p.run.id, reason: p.reason },
  });
  return true;
}
