import { QueueWorker, backoffMs, eachJob, type JobQueue } from "@openwaba/store";
import { recordEvent } from "../inbox/conversation-events";
import { sendAndRecord } from "../inbox/compose";
import type { Suite } from "../suite";
import { advanceRun } from "./flow-engine";
import { runScheduledFlow } from "./flow-schedules";
import { FLOW_QUEUE, FLOW_TIMER_QUEUE, abandonRun, queueRunInput, trace, type RunInput } from "./flow-runs";

// The flow runner: inputs of one conversation one at a time, in order (an ordered queue keyed by
// conversation); timers wait in a queue of their own, so that a run waiting an hour never holds
// up the replies queued behind it, and become inputs when due. Both live in the store: a restart
// picks every run up where it was.

const MAX_ATTEMPTS = 8;

/** An automatic message of the suite (greeting, away): sent after the intake's transaction. */
export interface Notice {
  conversationId: string;
  text: string;
  reason: "greeting" | "away" | "handover";
}

export function createFlowWorkers(suite: Suite, queue: JobQueue) {
  const runner = new QueueWorker({
    queue,
    name: FLOW_QUEUE,
    clock: suite.clock,
    ordered: true,
    batchSize: 128,
    visibilityMs: 5 * 60_000,
    log: suite.log,
    handle: eachJob(async (job) => {
      if (job.kind === "notice") return sendNotice(suite, JSON.parse(job.payload) as Notice);
      if (job.kind === "schedule") return runScheduledFlow(suite, JSON.parse(job.payload));
      const p = JSON.parse(job.payload) as { runId: string; input: RunInput };
      await advanceRun(suite, p.runId, p.input);
    }),
    async onFailure(job, error) {
      if (job.attempts < MAX_ATTEMPTS)
        return queue.retry(
          job,
          suite.clock.now() + backoffMs(job.attempts, { baseMs: 1000, capMs: 60_000 }),
          error,
          true,
        );
      await queue.bury(job, error);
      if (job.kind === "notice" || job.kind === "schedule") return;
      // A run that cannot go on must not hold the customer: it ends, and a person takes over.
      const p = JSON.parse(job.payload) as { runId: string };
      const run = await suite.db
        .selectFrom("suite_flow_runs")
        .select(["id", "conversation_id", "tenant_id", "state"])
        .where("id", "=", p.runId)
        .executeTakeFirst();
      if (run?.state === "active") {
        await suite.db
          .transaction()
          .execute((tx) =>
            trace(suite, tx, run.id, null, "error", { error: error.slice(0, 500), attempts: job.attempts }),
          );
        await abandonRun(suite, run, "gave up after repeated errors");
      }
    },
  });
  const timers = new QueueWorker({
    queue,
    name: FLOW_TIMER_QUEUE,
    clock: suite.clock,
    ordered: false,
    batchSize: 100,
    visibilityMs: 60_000,
    log: suite.log,
    handle: eachJob(async (job) => {
      const t = JSON.parse(job.payload) as { runId: string; conversationId: string; token: string };
      await suite.db
        .transaction()
        .execute((tx) =>
          queueRunInput(
            suite,
            tx,
            { id: t.runId, conversation_id: t.conversationId },
            { kind: "timer", token: t.token },
          ),
        );
    }),
    onFailure: async (job, error) => queue.retry(job, suite.clock.now() + 1000, error, false),
  });
  return {
    wake() {
      runner.wake();
      timers.wake();
    },
    start() {
      runner.start();
      timers.start();
    },
    async stop() {
      await Promise.all([runner.stop(), timers.stop()]);
    },
  };
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
    (tx) => recordEvent(suite, tx, c.id, "auto_message", null, { reason: n.reason }),
  );
}
