import { z } from "zod";
import { webhookOverview } from "../webhooks/webhook-subscribers";

// What the suite's webhook pages read (packages/suite/src/webhooks): the Cloud API's answers passed
// through, per WABA of the tenant.

export type { MessageStatus } from "../messages/message-status";
export type { WebhookDelivery, WebhookDeliveryPage, WebhookTestResults } from "../webhooks/webhook-delivery";
export type { SubscribedApp, WebhookDeadLetter, WebhookSubscriber } from "../webhooks/webhook-subscribers";

/** One WABA's webhooks, as GET /suite/api/webhooks lists them. */
export const wabaWebhooks = webhookOverview.extend({ waba_id: z.string() });
export type WabaWebhooks = z.infer<typeof wabaWebhooks>;

/** GET /suite/api/webhooks. */
export const wabaWebhooksList = z.object({ data: z.array(wabaWebhooks) });

// What the webhook debugging routes take (packages/suite/src/webhooks/webhooks.routes.ts): each names
// the tenant's WABA, the first when none is named.

/** The WABA alone: resending a delivery, or a sent message's status (as its query). */
export const wabaRequest = z.strictObject({
  waba_id: z
    .string()
    .regex(/^\d{1,20}$/)
    .optional()
    .describe("The tenant's WABA (the first when none)"),
});
export type WabaRequest = z.infer<typeof wabaRequest>;

/** GET /suite/api/webhooks/deliveries?…. */
export const webhookDeliveriesQuery = wabaRequest.extend({
  ok: z.enum(["true", "false"]).optional(),
  app_id: z
    .string()
    .regex(/^\d{1,20}$/)
    .optional(),
  before: z.string().max(64).optional(),
  limit: z.coerce.number().int().min(1).max(200).optional(),
});
export type WebhookDeliveriesQuery = z.infer<typeof webhookDeliveriesQuery>;

/** POST /suite/api/webhooks/test: Meta's test message, to one subscriber or all. */
export const webhookTestRequest = wabaRequest.extend({
  app_id: z
    .string()
    .regex(/^\d{1,20}$/)
    .optional(),
});
export type WebhookTestRequest = z.infer<typeof webhookTestRequest>;

/** POST /suite/api/webhooks/redrive: the dead letters to deliver again (all when none named). */
export const webhookRedriveRequest = wabaRequest.extend({
  ids: z.array(z.number().int().positive()).max(10_000).optional(),
});
export type WebhookRedriveRequest = z.infer<typeof webhookRedriveRequest>;

/** GET /suite/api/webhooks/messages?…. */
export const sentMessagesQuery = wabaRequest.extend({ limit: z.coerce.number().int().min(1).max(200).optional() });
export type SentMessagesQuery = z.infer<typeof sentMessagesQuery>;
