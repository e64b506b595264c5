import { QueueWorker, backoffMs, type Job } from "@openwaba/store";
import { QUEUES, type Platform } from "../platform";
import { destinationWants, type WebhookEvent } from "./events";
import { postWebhook } from "./post-webhook";
import { addToBacklog, backlogKey, FailingSubscribers } from "./subscriber-backlog";
import { createBacklogRedelivery } from "./backlog-redelivery";

type Log = { error(o: unknown, m?: string): void; warn(o: unknown, m?: string): void };

/**
 * Delivers queued events to every subscriber of their WABA, batched per WABA like Meta. Each
 * subscriber gets its own first attempt; what one does not take (it failed, it failed lately, or
 * it still has older events of the same conversation waiting) goes to that subscriber's backlog,
 * so the others are never held back by it (Meta delivers to each app on its own).
 */
export function createWebhookDispatcher(platform: Platform, log?: Log): QueueWorker[] {
  const { config, clock, queue } = platform;
  const failing = new FailingSubscribers();

  async function handle(jobs: Job[]): Promise<{ job: Job; error: string }[]> {
    const byWaba = new Map<string, { job: Job; event: WebhookEvent }[]>();
    for (const job of jobs) {
      const event = JSON.parse(job.payload) as WebhookEvent;
      const list = byWaba.get(event.wabaId) ?? [];
      list.push({ job, event });
      byWaba.set(event.wabaId, list);
    }
    const plans = await Promise.all([...byWaba].map(async ([wabaId, items]) => ({ wabaId, items, destinations: await platform.directory.destinations(wabaId) })));
    const waiting = await queue.keysWaiting(QUEUES.webhookBacklog,
      plans.flatMap((p) => p.destinations.flatMap((d) => p.items.map((i) => backlogKey(i.job.key, d.appId)))));
    // Every subscriber's share is settled (sent, or in its backlog) before the jobs are completed.
    await Promise.all(plans.flatMap(({ wabaId, items, destinations }) => destinations.map(async (dest) => {
      const wanted = items.filter((i) => destinationWants(dest, i.event));
      if (!wanted.length) return;
      if (failing.isFailing(dest.appId)) return addToBacklog(platform, dest, wanted, 0);
      const behind = wanted.filter((i) => waiting.has(backlogKey(i.job.key, dest.appId)));
      const now = wanted.filter((i) => !waiting.has(backlogKey(i.job.key, dest.appId)));
      if (behind.length) await addToBacklog(platform, dest, behind, 0);
      if (!now.length) return;
      const err = await postWebhook(platform, wabaId, dest, now.map((i) => i.event), { redelivery: false });
      if (!err) return;
      failing.failed(dest.appId);
      platform.metrics.webhookRetries.inc(now.length);
      await addToBacklog(platform, dest, now, 1);
    })));
    return [];
  }

  // Only if a backlog could not be written: the whole batch is tried again (at least once).
  async function onFailure(job: Job, error: string): Promise<void> {
    await queue.retry(job, clock.now() + backoffMs(job.attempts, { baseMs: 1000, capMs: config.webhookMaxBackoffMs }), error, true);
  }

  const first = new QueueWorker({
    queue, name: QUEUES.webhook, clock, ordered: true, batchSize: 200, visibilityMs: Math.max(config.claimTimeoutMs, config.webhookTimeoutMs * 2),
    handle, onFailure, log, lingerMs: config.webhookLingerMs,
  });
  return [first, createBacklogRedelivery(platform, failing, log)];
}
