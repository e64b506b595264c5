import { createHmac } from "node:crypto";
import { QueueWorker, eachJob, retryThenBury, type Db, type JobQueue } from "@openwaba/store";
import type { Suite } from "../suite";

// Events for the business's own systems (issue #5 item 4): contact created, updated or deleted,
// conversation resolved, CSAT received. Written to the job queue in the transaction of the change,
// then POSTed to the tenant's URL, signed, retried with backoff (at least once, in order).

export const BUSINESS_EVENTS_QUEUE = "suite-business-events";
export type BusinessEventKind =
  | "contact.created"
  | "contact.updated"
  | "contact.deleted"
  | "conversation.resolved"
  | "csat.received";

export interface BusinessWebhook {
  url: string;
  secret: string;
}

/** The body's signature: HMAC-SHA256 with the tenant's secret, as `sha256=<hex>` (like Meta's). */
export const signBusinessEvent = (body: string, secret: string) =>
  `sha256=${createHmac("sha256", secret).update(body).digest("hex")}`;

/** Queues an event if the tenant has a business webhook (in the caller's transaction). */
export async function emitBusinessEvent(
  suite: Suite,
  tx: Db,
  tenantId: string,
  kind: BusinessEventKind,
  data: Record<string, unknown>,
): Promise<void> {
  if (!suite.queue) return;
  const t = await tx.selectFrom("suite_tenants").select("settings").where("id", "=", tenantId).executeTakeFirst();
  if (!(JSON.parse(t?.settings ?? "{}") as { business_webhook?: BusinessWebhook }).business_webhook) return;
  const now = suite.clock.now();
  await suite.queue.enqueue(tx, {
    queue: BUSINESS_EVENTS_QUEUE,
    key: tenantId,
    kind,
    payload: { event: kind, tenant_id: tenantId, at: new Date(now).toISOString(), data },
    runAt: now,
  });
  suite.wakeBusinessEvents?.();
}

/** Delivers queued events: POST, signed; anything but 2xx is retried for about a day, then kept as a dead letter. */
export function createBusinessEventsWorker(suite: Suite, queue: JobQueue, timeoutMs = 10_000) {
  return new QueueWorker({
    queue,
    name: BUSINESS_EVENTS_QUEUE,
    clock: suite.clock,
    ordered: true,
    batchSize: 20,
    visibilityMs: 60_000,
    log: suite.log,
    handle: eachJob(async (job) => {
      const event = JSON.parse(job.payload) as { tenant_id: string };
      const t = await suite.db
        .selectFrom("suite_tenants")
        .select("settings")
        .where("id", "=", event.tenant_id)
        .executeTakeFirst();
      const hook = (JSON.parse(t?.settings ?? "{}") as { business_webhook?: BusinessWebhook }).business_webhook;
      if (!hook) return; // unsubscribed meanwhile
      const body = job.payload;
      const res = await suite.http.request({
        url: hook.url,
        method: "POST",
        timeoutMs,
        redirect: "manual",
        headers: {
          "content-type": "application/json",
          "x-openwaba-signature-256": signBusinessEvent(body, hook.secret),
          "x-openwaba-event": job.kind,
        },
        body,
      });
      await res.discard().catch(() => undefined);
      if (res.status < 200 || res.status >= 300) throw new Error(`${hook.url} answered ${res.status}`);
    }),
    onFailure: retryThenBury(queue, suite.clock, { maxAttempts: 15, baseMs: 1000, capMs: 3_600_000, ordered: true }),
  });
}
