import { z } from "zod";
import { webhookDelivery } from "./webhook-delivery";

// Who gets a WABA's webhooks and what became of them: Meta's subscribed_apps, and OpenWABA's
// subscribers and dead letters (GET /openwaba/webhooks/subscribers, /dead-letters).

/** An app subscribed to the WABA (GET /{waba-id}/subscribed_apps). */
export const subscribedApp = z.object({
  whatsapp_business_api_data: z.object({ link: z.string(), name: z.string(), id: z.string() }),
  override_callback_uri: z.string().optional(),
});
export type SubscribedApp = z.infer<typeof subscribedApp>;

/** An app subscribed to the WABA and where its events go. */
export const webhookSubscriber = z.object({
  app_id: z.string(),
  name: z.string(),
  callback_url: z.string().nullable(),
  via: z.enum(["override", "app"]).nullable(),
  fields: z.array(z.string()).nullable(),
  waiting: z.int(),
  dead: z.int(),
});
export type WebhookSubscriber = z.infer<typeof webhookSubscriber>;

/** A webhook event given up on. */
export const webhookDeadLetter = z.object({
  id: z.int(),
  app_id: z.string().nullable(),
  field: z.string(),
  created_at: z.int(),
  attempts: z.int(),
  last_error: z.string().nullable(),
  event: z.unknown().describe("The change's value as it would have been delivered"),
});
export type WebhookDeadLetter = z.infer<typeof webhookDeadLetter>;

/** A WABA's subscriptions and, on OpenWABA only (null on Meta), its subscribers, recent deliveries and dead letters. */
export const webhookOverview = z.object({
  subscriptions: z.array(subscribedApp),
  subscribers: z.array(webhookSubscriber).nullable(),
  deliveries: z.array(webhookDelivery).nullable(),
  dead_letters: z.array(webhookDeadLetter).nullable(),
});
export type WebhookOverview = z.infer<typeof webhookOverview>;
