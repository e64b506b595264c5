import { QueueWorker, backoffMs, type Job } from "@openwaba/store";
import { QUEUES, type Platform } from "../platform";
import type { FailingSubscribers, BacklogPayload } from "./subscriber-backlog";
import { postWebhook } from "./post-webhook";

type Log = { error(o: unknown, m?: string): void; warn(o: unknown, m?: string): void };

/**
 * Works through the subscribers' backlogs: batches of one WABA for one app, retried with jittered
 * backoff for the retry period (from when the event arose), then dead letters per subscriber.
 * Several loops claim at once, so a receiver that holds its connection until the timeout delays
 * only the batch it is in.
 */
export function createBacklogRedelivery(platform: Platform, failing: FailingSubscribers, log?: Log): QueueWorker {
  const { config, clock, queue } = platform;

  async function handle(jobs: Job[]): Promise<{ job: Job; error: string }[]> {
    const groups = new Map<string, { wabaId: string; appId: string; items: { job: Job; p: BacklogPayload }[] }>();
    for (const job of jobs) {
      const p = JSON.parse(job.payload) as BacklogPayload;
      const k = `${p.event.wabaId}|${p.appId}`;
      const g = groups.get(k) ?? { wabaId: p.event.wabaId, appId: p.appId, items: [] };
      g.items.push({ job, p });
      groups.set(k, g);
    }
    const failed: { job: Job; error: string }[] = [];
    await Promise.all([...groups.values()].map(async (g) => {
      const dest = (await platform.directory.destinations(g.wabaId)).find((d) => d.appId === g.appId);
      // Unsubscribed since (or its callback removed): Meta stops delivering to it, and so do we.
      if (!dest) return;
      const err = await postWebhook(platform, g.wabaId, dest, g.items.map((i) => i.p.event), { redelivery: true });
      if (err) {
        failing.failed(g.appId);
        for (const i of g.items) failed.push({ job: i.job, error: err });
        return;
      }
      failing.recovered(g.appId);
      // It answers again: the rest of its backlog need not wait out its backoff.
      if (await queue.bringForward(QUEUES.webhookBacklog, g.appId, clock.now())) platform.wake(QUEUES.webhookBacklog);
    }));
    return failed;
  }

  async function onFailure(job: Job, error: string): Promise<void> {
    const now = clock.now();
    if (now - job.created_at >= config.webhookMaxAgeMs) {
      platform.metrics.webhookDeadLetters.inc();
      log?.warn({ jobId: job.id, error }, "webhook event dead-lettered");
      await queue.bury(job, error);
      return;
    }
    platform.metrics.webhookRetries.inc();
    // The first try was the dispatcher's, so this job's nth claim is the event's (n+1)th attempt.
    await queue.retry(job, now + backoffMs(job.attempts + 1, { baseMs: 1000, capMs: config.webhookMaxBackoffMs }), error, true);
  }

  return new QueueWorker({
    queue, name: QUEUES.webhookBacklog, clock, ordered: true, batchSize: 200, concurrency: 3,
    visibilityMs: Math.max(config.claimTimeoutMs, config.webhookTimeoutMs * 2), handle, onFailure, log,
  });
}
