import { QueueWorker, backoffMs, type Job } from "@openwaba/store";
import type { Destination } from "../directory";
import { QUEUES, type Platform } from "../platform";
import { asciiJson } from "./ascii-json";
import { buildEnvelope } from "./envelope";
import type { WebhookEvent } from "./events";
import { signBody } from "./signature";

/**
 * Delivers queued events to every destination subscribed to their WABA, batched per WABA like
 * Meta, signed over the exact ASCII bytes sent. A batch succeeds only when every destination took
 * it; otherwise all its events are retried (Meta's retries also reach every subscribed app, and
 * receivers dedupe by message id and status).
 */
export function createWebhookDispatcher(platform: Platform, log?: { error(o: unknown, m?: string): void; warn(o: unknown, m?: string): void }) {
  const { metrics, config, clock, queue } = platform;

  async function send(dest: Destination, body: string): Promise<string | null> {
    try {
      const res = await fetch(dest.url, {
        method: "POST",
        headers: { "content-type": "application/json", "x-hub-signature-256": signBody(body, dest.secret), "user-agent": "facebookexternalua" },
        body,
        signal: AbortSignal.timeout(config.webhookTimeoutMs),
      });
      await res.arrayBuffer().catch(() => undefined);
      if (res.status >= 200 && res.status < 300) { metrics.webhookDeliveries.inc({ result: "ok" }); return null; }
      metrics.webhookDeliveries.inc({ result: "http_error" });
      return `${dest.url} answered ${res.status}`;
    } catch (err) {
      metrics.webhookDeliveries.inc({ result: "unreachable" });
      return `${dest.url}: ${(err as Error).message}`;
    }
  }

  async function handle(jobs: Job[]): Promise<{ job: Job; error: string }[]> {
    const byWaba = new Map<string, { job: Job; event: WebhookEvent }[]>();
    for (const job of jobs) {
      const event = JSON.parse(job.payload) as WebhookEvent;
      const list = byWaba.get(event.wabaId) ?? [];
      list.push({ job, event });
      byWaba.set(event.wabaId, list);
    }
    const failed: { job: Job; error: string }[] = [];
    await Promise.all([...byWaba].map(async ([wabaId, items]) => {
      const destinations = await platform.directory.destinations(wabaId);
      const errors: string[] = [];
      await Promise.all(destinations.map(async (dest) => {
        const wanted = items.filter((i) => !dest.fields || dest.fields.includes(i.event.field));
        if (!wanted.length) return;
        const started = Date.now();
        const err = await send(dest, asciiJson(buildEnvelope(wabaId, wanted.map((i) => i.event))));
        platform.deliveries.record(wabaId, {
          at: new Date(clock.now()).toISOString(), app_id: dest.appId, url: dest.url, fields: [...new Set(wanted.map((i) => i.event.field))],
          events: wanted.length, ok: !err, result: err ?? "200", ms: Date.now() - started,
        });
        if (err) errors.push(err);
      }));
      if (errors.length) for (const i of items) failed.push({ job: i.job, error: errors.join("; ") });
    }));
    return failed;
  }

  async function onFailure(job: Job, error: string): Promise<void> {
    const now = clock.now();
    if (now - job.created_at >= config.webhookMaxAgeMs) {
      metrics.webhookDeadLetters.inc();
      log?.warn({ jobId: job.id, error }, "webhook event dead-lettered");
      await queue.bury(job, error);
      return;
    }
    metrics.webhookRetries.inc();
    await queue.retry(job, now + backoffMs(job.attempts, { baseMs: 1000, capMs: config.webhookMaxBackoffMs }), error, true);
  }

  return new QueueWorker({
    queue, name: QUEUES.webhook, clock, ordered: true, batchSize: 200, visibilityMs: Math.max(config.claimTimeoutMs, config.webhookTimeoutMs * 2),
    handle, onFailure, log, lingerMs: config.webhookLingerMs,
  });
}
