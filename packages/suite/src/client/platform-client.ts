// The suite's only way to the platform (ARCHITECTURE.md): the Cloud API over HTTP, to our own
// server or to Meta's graph.facebook.com with the same code — the SDK's client.
import type {
  BusinessProfile,
  CreatedTemplate,
  ListedPhoneNumber,
  MessageStatus,
  PhoneNumberNode,
  ResentWebhookDelivery,
  TemplateNode,
  WebhookDeliveryPage,
  WebhookOverview,
  WebhookTestResults,
} from "@openwaba/contracts";
import { CloudApiClient } from "@openwaba/sdk";

export { PlatformCallError, type GraphConnection, type GraphErrorBody } from "@openwaba/sdk";

export interface PlatformClient {
  /** POST /{phone-number-id}/messages with a Cloud API body; the new message's wamid. */
  sendMessage(phoneNumberId: string, body: Record<string, unknown>): Promise<{ id: string; waId: string }>;
  /** Marks the customer's messages read up to this one (and optionally shows typing). */
  markRead(phoneNumberId: string, messageId: string, typing?: boolean): Promise<void>;
  /** GET /{waba-id}/message_templates (every page). */
  listTemplates(wabaId: string): Promise<TemplateNode[]>;
  /** GET /{waba-id}/phone_numbers with the fields the console shows. */
  listPhoneNumbers(wabaId: string): Promise<ListedPhoneNumber[]>;
  /** POST /{waba-id}/message_templates: the new template's id, status and category. */
  createTemplate(wabaId: string, body: Record<string, unknown>): Promise<CreatedTemplate>;
  /** GET /{template-id}; a template the token may not see fails as Graph's "does not exist" (100/33). */
  template(templateId: string): Promise<TemplateNode>;
  /** POST /{template-id} with Meta's edit rules: components and/or category. */
  editTemplate(templateId: string, body: Record<string, unknown>): Promise<void>;
  /** DELETE /{waba-id}/message_templates?name=&hsm_id=: one template (or every language of a name). */
  deleteTemplate(wabaId: string, name: string, templateId?: string): Promise<void>;
  /** A header sample's file handle (Resumable Upload API), for example.header_handle. */
  uploadFileHandle(file: { bytes: Buffer; mime: string; filename: string }): Promise<string>;
  /** Uploads a file for sending (POST /{phone-number-id}/media); its media id. */
  uploadMedia(phoneNumberId: string, file: { bytes: Buffer; mime: string; filename: string }): Promise<string>;
  /** A media object's bytes: GET /{media-id} for its URL, then the download with the token. */
  downloadMedia(mediaId: string): Promise<{ mime: string; body: ReadableStream<Uint8Array> }>;
  /** The WABA's webhook subscriptions, and (OpenWABA only; null on Meta) its subscribers, recent deliveries and dead letters. */
  webhookOverview(wabaId: string): Promise<WebhookOverview>;
  /** Sends dead-lettered events again, all or those listed (OpenWABA only); how many. */
  redriveWebhooks(ids?: number[]): Promise<number>;
  /** OpenWABA's delivery log, a resend, Meta's test message, and a message's status (none on Meta: they fail). */
  webhookDeliveries(q?: {
    ok?: boolean;
    app_id?: string;
    before?: string;
    limit?: number;
  }): Promise<WebhookDeliveryPage>;
  resendWebhookDelivery(id: string): Promise<ResentWebhookDelivery>;
  testWebhook(appId?: string): Promise<WebhookTestResults>;
  messageStatus(messageId: string): Promise<MessageStatus>;
  recentMessages(q?: { direction?: "in" | "out"; limit?: number }): Promise<MessageStatus[]>;
  /** GET / POST /{phone-number-id}/whatsapp_business_profile. */
  businessProfile(phoneNumberId: string): Promise<BusinessProfile>;
  updateBusinessProfile(phoneNumberId: string, profile: Record<string, unknown>): Promise<void>;
  /** A QR code / wa.me link for a number (message_qrdls), and its removal. */
  createQrCode(
    phoneNumberId: string,
    prefilledMessage: string,
    format?: "SVG" | "PNG",
  ): Promise<{ code: string; prefilled_message: string; deep_link_url: string; qr_image_url?: string }>;
  deleteQrCode(phoneNumberId: string, code: string): Promise<void>;
  /** A number's quality, status, throughput level and messaging limit. */
  phoneNumber(phoneNumberId: string): Promise<PhoneNumberNode>;
  /** Records consent in the platform's consent ledger (OpenWABA only); false where there is none. */
  recordConsent(
    waId: string,
    scope: "marketing" | "utility",
    status: "granted" | "revoked",
    source: string,
  ): Promise<boolean>;
  /** Cost by pricing category from GET /{waba-id}?fields=currency,pricing_analytics… over [start, end) (seconds), in the WABA's currency. */
  costByCategory(
    wabaId: string,
    start: number,
    end: number,
  ): Promise<{ currency: string | null; by_category: Record<string, number> }>;
}

/**
 * The SDK's Cloud API client is the suite's platform client. The SDK ships on its own, without
 * contracts, so its answers are untyped JSON: here they take the contracts' types of what the
 * Cloud API answers (what they are is checked against the server in packages/server/src/openapi).
 */
export class GraphClient extends CloudApiClient implements PlatformClient {
  override listTemplates(wabaId: string) {
    return super.listTemplates(wabaId) as Promise<TemplateNode[]>;
  }
  override listPhoneNumbers(wabaId: string) {
    return super.listPhoneNumbers(wabaId) as Promise<ListedPhoneNumber[]>;
  }
  override template(templateId: string) {
    return super.template(templateId) as Promise<TemplateNode>;
  }
  override phoneNumber(phoneNumberId: string) {
    return super.phoneNumber(phoneNumberId) as Promise<PhoneNumberNode>;
  }
  override businessProfile(phoneNumberId: string) {
    return super.businessProfile(phoneNumberId) as Promise<BusinessProfile>;
  }
  override webhookOverview(wabaId: string) {
    return super.webhookOverview(wabaId) as Promise<WebhookOverview>;
  }
  override webhookDeliveries(q?: Parameters<PlatformClient["webhookDeliveries"]>[0]) {
    return super.webhookDeliveries(q) as Promise<WebhookDeliveryPage>;
  }
  override resendWebhookDelivery(id: string) {
    return super.resendWebhookDelivery(id) as Promise<ResentWebhookDelivery>;
  }
  override testWebhook(appId?: string) {
    return super.testWebhook(appId) as Promise<WebhookTestResults>;
  }
  override messageStatus(messageId: string) {
    return super.messageStatus(messageId) as Promise<MessageStatus>;
  }
  override recentMessages(q?: Parameters<PlatformClient["recentMessages"]>[0]) {
    return super.recentMessages(q) as Promise<MessageStatus[]>;
  }
}
