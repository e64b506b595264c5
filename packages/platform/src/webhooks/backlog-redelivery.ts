import { catalogWorker, type HandleResult, type Job, type QueueWorker } from "@openwaba/store";
import { QUEUES, type Platform } from "../platform";
import {
  type BacklogPayload,
  type FailingSubscribers,
  subscriberOf,
  webhookFailureHooks,
  withPatience,
} from "./subscriber-backlog";
import { postWebhook } from "./post-webhook";

type Log = { error(o: unknown, m?: string): void; warn(o: unknown, m?: string): void };

/**
 * Works through the subscribers' backlogs: batches of one WABA for one app, retried with jittered
 * backoff for the retry period (from when the event arose), then dead letters per subscriber.
 * A receiver that does not answer within PATIENCE_MS keeps its jobs (released, due when its POST
 * would time out) while the batch goes on, so it holds back no other subscriber.
 */
export function createBacklogRedelivery(platform: Platform, failing: FailingSubscribers, log?: Log): QueueWorker {
  const { config, clock, queue } = platform;

  return catalogWorker(platform.jobs, QUEUES.webhookBacklog, {
    clock,
    log,
    // An event is in a backlog because its subscriber failed (on it, or on those before it), so its
    // nth failure here waits as the (n+1)th attempt's would (platform-jobs.ts), counted as a retry.
    hooks: webhookFailureHooks(platform, { counted: true, log }),
    batch: (jobs, { fail }) => redeliver(jobs, fail),
  });

  async function redeliver(
    jobs: { job: Job; payload: BacklogPayload }[],
    onFailure: (job: Job, error: string) => Promise<void>,
  ): Promise<HandleResult[]> {
    const groups = new Map<string, { wabaId: string; appId: string; items: { job: Job; p: BacklogPayload }[] }>();
    for (const { job, payload: p } of jobs) {
      const k = subscriberOf(p.event.wabaId, p.appId);
      const g = groups.get(k) ?? { wabaId: p.event.wabaId, appId: p.appId, items: [] };
      g.items.push({ job, p });
      groups.set(k, g);
    }
    const results: HandleResult[] = [];
    await Promise.all(
      [...groups].map(async ([subscriber, g]) => {
        const dest = (await platform.directory.destinations(g.wabaId)).find((d) => d.appId === g.appId);
        // Unsubscribed since (or its callback removed): Meta stops delivering to it, and so do we.
        if (!dest) return;
        const ids = g.items.map((i) => i.job.id);
        const outcome = await withPatience(
          postWebhook(
            platform,
            g.wabaId,
            dest,
            g.items.map((i) => i.p.event),
            { redelivery: true },
          ),
          {
            log,
            whenSlow: async () => {
              failing.failed(subscriber);
              await queue.release(ids, clock.now() + config.webhookTimeoutMs + 1000);
              for (const i of g.items) results.push({ job: i.job, released: true });
            },
            afterSlow: async (err) => {
              if (!err) return queue.complete(ids);
              for (const i of g.items) await onFailure(i.job, err);
            },
          },
        );
        if (outcome === "slow") return;
        if (outcome) {
          failing.failed(subscriber);
          for (const i of g.items) results.push({ job: i.job, error: outcome });
          return;
        }
        failing.recovered(subscriber);
        // It answers again: the rest of its backlog need not wait out its backoff.
        if (await queue.bringForward(QUEUES.webhookBacklog, subscriber, clock.now()))
          platform.wake(QUEUES.webhookBacklog);
      }),
    );
    return results;
  }
}
