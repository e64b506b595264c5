import { z } from "zod";

// OpenWABA's webhook delivery log (GET /openwaba/webhooks/deliveries, a resend, Meta's test message).

/** One logged webhook POST. */
export const webhookDelivery = z.object({
  id: z.string(),
  at: z.iso.datetime(),
  app_id: z.string(),
  url: z.string(),
  fields: z.array(z.string()),
  events: z.int(),
  ok: z.boolean(),
  status: z.int().nullable().describe("The receiver's HTTP status; null when it did not answer"),
  result: z.string(),
  ms: z.int(),
  redelivery: z.boolean(),
  resend_of: z.string().nullable(),
  request: z.string().describe("The exact body sent (what the signature covers)"),
  response: z.string().describe("The start of the receiver's answer"),
});
export type WebhookDelivery = z.infer<typeof webhookDelivery>;

/** A page of the log, newest first. */
export const webhookDeliveryPage = z.object({
  data: z.array(webhookDelivery),
  paging: z.object({ next_before: z.string().nullable() }),
});
export type WebhookDeliveryPage = z.infer<typeof webhookDeliveryPage>;

/** A logged delivery sent again. */
export const resentWebhookDelivery = z.object({ success: z.boolean(), delivery: webhookDelivery });
export type ResentWebhookDelivery = z.infer<typeof resentWebhookDelivery>;

/** What sending Meta's test message answers: one result per subscriber. */
export const webhookTestResults = z.object({
  success: z.boolean(),
  results: z.array(
    z.object({ app_id: z.string(), url: z.string(), ok: z.boolean(), result: z.string(), delivery_id: z.string() }),
  ),
});
export type WebhookTestResults = z.infer<typeof webhookTestResults>;
