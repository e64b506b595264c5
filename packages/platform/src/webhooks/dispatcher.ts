import { catalogWorker, type HandleResult, type Job, type QueueWorker, type TypedJob } from "@openwaba/store";
import { QUEUES, type Platform } from "../platform";
import type { PlatformJobs } from "../platform-jobs";
import { destinationWants, type WebhookEvent } from "./events";
import { postWebhook } from "./post-webhook";
import {
  addToBacklog,
  backlogKey,
  FailingSubscribers,
  retryAfterMs,
  subscriberOf,
  webhookFailureHooks,
  withPatience,
} from "./subscriber-backlog";
import { createBacklogRedelivery } from "./backlog-redelivery";

type Log = { error(o: unknown, m?: string): void; warn(o: unknown, m?: string): void };

/**
 * Delivers queued events to every subscriber of their WABA, batched per WABA like Meta. Each
 * subscriber gets its own first attempt; what one does not take goes to that subscriber's
 * backlog — it failed, it failed or was slow lately, it still has older events of the same
 * conversation waiting, or it has not answered within PATIENCE_MS (the POST goes on; its events
 * wait in the backlog, and leave it if the answer is a success). So the others, and other
 * tenants, never wait on it longer than that (Meta delivers to each app on its own).
 */
export function createWebhookDispatcher(platform: Platform, log?: Log): QueueWorker[] {
  const { config, clock, queue } = platform;
  const failing = new FailingSubscribers();

  async function handle(jobs: TypedJob<PlatformJobs, "webhook.event">[]): Promise<HandleResult[]> {
    const byWaba = new Map<string, { job: Job; event: WebhookEvent }[]>();
    for (const { job, payload: event } of jobs) {
      const list = byWaba.get(event.wabaId) ?? [];
      list.push({ job, event });
      byWaba.set(event.wabaId, list);
    }
    const plans = await Promise.all(
      [...byWaba].map(async ([wabaId, items]) => ({
        wabaId,
        items,
        destinations: await platform.directory.destinations(wabaId),
      })),
    );
    const waiting = await queue.keysWaiting(
      QUEUES.webhookBacklog,
      plans.flatMap((p) => p.destinations.flatMap((d) => p.items.map((i) => backlogKey(i.job.key, d.appId)))),
    );
    // Every subscriber's share is settled (taken, or in its backlog) before the jobs are completed.
    await Promise.all(
      plans.flatMap(({ wabaId, items, destinations }) =>
        destinations.map(async (dest) => {
          const wanted = items.filter((i) => destinationWants(dest, i.event));
          if (!wanted.length) return;
          const subscriber = subscriberOf(wabaId, dest.appId);
          if (failing.isFailing(subscriber)) {
            await addToBacklog(platform, dest, wanted, clock.now());
            return;
          }
          const behind = wanted.filter((i) => waiting.has(backlogKey(i.job.key, dest.appId)));
          const now = wanted.filter((i) => !waiting.has(backlogKey(i.job.key, dest.appId)));
          if (behind.length) await addToBacklog(platform, dest, behind, clock.now());
          if (!now.length) return;
          let parked: number[] = [];
          const outcome = await withPatience(
            postWebhook(
              platform,
              wabaId,
              dest,
              now.map((i) => i.event),
              { redelivery: false },
            ),
            {
              log,
              // Due when the POST would have timed out: nothing of this conversation overtakes it meanwhile.
              whenSlow: async () => {
                failing.failed(subscriber);
                parked = await addToBacklog(platform, dest, now, clock.now() + config.webhookTimeoutMs + 1000);
              },
              afterSlow: async (err) => {
                if (!err) await queue.complete(parked);
              },
            },
          );
          if (outcome === null || outcome === "slow") return;
          failing.failed(subscriber);
          platform.metrics.webhookRetries.inc(now.length);
          await addToBacklog(platform, dest, now, clock.now() + retryAfterMs(platform, 1));
        }),
      ),
    );
    return [];
  }

  // Only if a backlog could not be written: the whole batch is tried again (at least once), until
  // the retry period is over.
  const first = catalogWorker(platform.jobs, QUEUES.webhook, {
    clock,
    log,
    batch: handle,
    hooks: webhookFailureHooks(platform, { counted: false, log }),
  });
  return [first, createBacklogRedelivery(platform, failing, log)];
}
