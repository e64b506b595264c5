import { catalogWorker, type QueueWorker } from "@openwaba/store";
import { suiteTransaction } from "../unit-of-work";
import { recordEvent } from "../inbox/commands/record-event";
import { sendAndRecord } from "../inbox/compose";
import type { Suite } from "../suite";
import { advanceRun } from "./flow-engine";
import { runScheduledFlow } from "./flow-schedules";
import { abandonRun } from "./flow-runs";
import { queueRunInput } from "./run-input";
import { traceStep } from "./commands/trace-step";

// The flow runner: inputs of one conversation one at a time, in order (an ordered queue keyed by
// conversation); timers wait in a queue of their own, so that a run waiting an hour never holds
// up the replies queued behind it, and become inputs when due. Both live in the store: a restart
// picks every run up where it was.

/** An automatic message of the suite (greeting, away): sent after the intake's transaction. */
export interface Notice {
  conversationId: string;
  text: string;
  reason: "greeting" | "away" | "handover";
}

/** The flow runner and its timers (queues and retries: suite-jobs.ts). */
export function createFlowWorkers(suite: Suite): QueueWorker[] {
  const runner = catalogWorker(suite.jobs, "suite-flows", {
    clock: suite.clock,
    log: suite.log,
    handlers: {
      "flow.input": (p) => advanceRun(suite, p.runId, p.input),
      "flow.notice": (n) => sendNotice(suite, n),
      "flow.schedule": (p) => runScheduledFlow(suite, p),
    },
    hooks: {
      // A run that cannot go on must not hold the customer: it ends, and a person takes over.
      async gaveUp(job, error) {
        const r = suite.jobs.read(job);
        if (!r.ok || r.typed.name !== "flow.input") return;
        const run = await suite.db
          .selectFrom("suite_flow_runs")
          .select(["id", "conversation_id", "tenant_id", "state"])
          .where("id", "=", r.typed.payload.runId)
          .executeTakeFirst();
        if (run?.state === "active") {
          await suiteTransaction(suite, (tx) =>
            traceStep(suite, tx, {
              runId: run.id,
              node: null,
              kind: "error",
              detail: { error: error.slice(0, 500), attempts: job.attempts },
            }),
          );
          await abandonRun(suite, run, "gave up after repeated errors");
        }
      },
    },
  });
  const timers = catalogWorker(suite.jobs, "suite-flow-timers", {
    clock: suite.clock,
    log: suite.log,
    handlers: {
      "flow.timer": async (t) => {
        await suiteTransaction(suite, (tx) =>
          queueRunInput(
            suite,
            tx,
            { id: t.runId, conversation_id: t.conversationId },
            { kind: "timer", token: t.token },
          ),
        );
      },
    },
  });
  return [runner, timers];
}

async function sendNotice(suite: Suite, n: Notice): Promise<void> {
  const c = await suite.db
    .selectFrom("suite_conversations")
    .selectAll()
    .where("id", "=", n.conversationId)
    .executeTakeFirst();
  if (!c) return;
  await sendAndRecord(
    suite,
    c,
    { to: c.wa_id, type: "text", text: { body: n.text } },
    { authorId: null, contextId: null, now: suite.clock.now() },
    (tx) =>
      recordEvent(suite, tx, { conversationId: c.id, kind: "auto_message", actorId: null, data: { reason: n.reason } }),
  );
}
