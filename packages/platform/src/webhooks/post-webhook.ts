import type { Destination } from "../directory";
import type { LoggedDelivery } from "./delivery-log";
import type { Platform } from "../platform";
import { asciiJson } from "./ascii-json";
import { buildEnvelope } from "./envelope";
import type { WebhookEvent } from "./events";
import { signBody } from "./signature";

/** How much of a receiver's answer the delivery log keeps: enough to read an error page. */
const RESPONSE_KEPT = 2048;

/**
 * POSTs one batch of a WABA's events to one subscriber, signed over the exact ASCII bytes sent,
 * and records the attempt in the delivery log. Answers null when the receiver took it (2xx), else why not.
 */
export async function postWebhook(
  platform: Platform,
  wabaId: string,
  dest: Destination,
  events: WebhookEvent[],
  o: { redelivery: boolean },
): Promise<string | null> {
  const body = asciiJson(buildEnvelope(wabaId, events));
  const logged = await postBody(platform, wabaId, dest, body, {
    ...o,
    fields: [...new Set(events.map((e) => e.field))],
    events: events.length,
  });
  return logged.ok ? null : logged.result;
}

/** POSTs exact bytes (a batch, or a logged delivery sent again) and records the attempt. */
export async function postBody(
  platform: Platform,
  wabaId: string,
  dest: Destination,
  body: string,
  o: { redelivery: boolean; fields: string[]; events: number; resendOf?: string },
): Promise<LoggedDelivery> {
  const { metrics, config, clock } = platform;
  const started = Date.now();
  let status: number | null = null,
    response = "",
    error: string | null = null;
  try {
    const res = await platform.http.request({
      url: dest.url,
      method: "POST",
      headers: {
        "content-type": "application/json",
        "x-hub-signature-256": signBody(body, dest.secret),
        "user-agent": "facebookexternalua",
      },
      body,
      redirect: "manual",
      timeoutMs: config.webhookTimeoutMs,
    });
    status = res.status;
    response = await res.text({ maxBytes: RESPONSE_KEPT }).catch(() => "");
    if (res.status >= 200 && res.status < 300) metrics.webhookDeliveries.inc({ result: "ok" });
    else {
      metrics.webhookDeliveries.inc({ result: "http_error" });
      error = `${dest.url} answered ${res.status}`;
    }
  } catch (err) {
    metrics.webhookDeliveries.inc({ result: "unreachable" });
    error = `${dest.url}: ${describe(err as Error)}`;
  }
  return platform.deliveries.record(wabaId, {
    at: new Date(clock.now()).toISOString(),
    app_id: dest.appId,
    url: dest.url,
    fields: o.fields,
    events: o.events,
    ok: !error,
    status,
    result: error ?? String(status),
    ms: Date.now() - started,
    redelivery: o.redelivery,
    resend_of: o.resendOf ?? null,
    request: body,
    response,
  });
}

function describe(err: Error): string {
  const cause = (err as { cause?: { code?: string } }).cause?.code;
  if (err.name === "TimeoutError") return "no answer in time";
  return cause ? `${err.message} (${cause})` : err.message;
}
