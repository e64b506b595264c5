import { createHmac } from "node:crypto";
import { catalogWorker, type Db } from "@openwaba/store";
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
  const t = await tx.selectFrom("suite_tenants").select("settings").where("id", "=", tenantId).executeTakeFirst();
  if (!(JSON.parse(t?.settings ?? "{}") as { business_webhook?: BusinessWebhook }).business_webhook) return;
  const now = suite.clock.now();
  await suite.jobs.enqueue(
    tx,
    "business.event",
    { event: kind, tenant_id: tenantId, at: new Date(now).toISOString(), data },
    { key: tenantId, runAt: now },
  );
}

/** Delivers queued events: POST, signed; anything but 2xx is retried for about a day, then kept as a dead letter. */
export function createBusinessEventsWorker(suite: Suite, timeoutMs = 10_000) {
  return catalogWorker(suite.jobs, BUSINESS_EVENTS_QUEUE, {
    clock: suite.clock,
    log: suite.log,
    handlers: {
      // The body is the row as written: what the signature covers, byte for byte.
      "business.event": async (event, job) => {
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
      },
    },
  });
}
