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
