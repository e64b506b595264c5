import type { z } from "zod";
import { markReadRequest, TYPE_OBJECTS } from "../messages/send-request";
import { createTemplateRequest, editTemplateRequest } from "../templates/template-request";
import { businessProfile as businessProfileAnswer, businessProfileFields } from "../phone-numbers/business-profile";
import { subscribedApp as subscribedAppContract } from "../webhooks/webhook-subscribers";
import { GRAPH_TOKEN, graphErrors, graphPaging } from "./components";
import {
  anyJson,
  arr,
  bool,
  bytes,
  fromAnswer,
  fromContract,
  group,
  header,
  int,
  jsonBody,
  obj,
  ok,
  oneOfValues,
  query,
  str,
  success,
  type JsonSchema,
  type RouteDocs,
} from "./shapes";

// Meta's Cloud API as this server answers it (packages/platform/src/graph).

/** The send body for one message type: the common envelope plus that type's object. */
function sendSchema(type: string, object: z.ZodType): JsonSchema {
  return obj({
    messaging_product: { const: "whatsapp" },
    "recipient_type?": oneOfValues("individual"),
    to: str(),
    "type?": { const: type },
    "context?": obj({ message_id: str() }),
    "biz_opaque_callback_data?": { type: "string", maxLength: 512 },
    [type]: fromContract(object),
  });
}

/** Every body POST /{phone_number_id}/messages accepts: one per message type, and mark-as-read. */
export const sendBodies = (): JsonSchema[] => [
  ...Object.entries(TYPE_OBJECTS).map(([t, s]) => sendSchema(t, s as z.ZodType)),
  fromContract(markReadRequest),
];

const fields = query("fields", str(), "Comma-separated fields to return (Graph's ?fields=)");
const pagingQuery = [
  query("limit", int(), "Page size (default 25, at most 1000)"),
  query("after", str(), "Cursor: the page after"),
  query("before", str(), "Cursor: the page before"),
];
const listOf = (item: JsonSchema) => ok(obj({ data: arr(item), paging: graphPaging }));
const anyOf = (...s: JsonSchema[]): JsonSchema => ({ anyOf: s });

/** A WhatsAppBusinessPhoneNumber node as ?fields= picks it. */
export const phoneNumber = {
  type: "object",
  description: "A WhatsAppBusinessPhoneNumber node: the requested ?fields= (defaults shown), always with id",
  properties: {
    id: str(),
    verified_name: str(),
    display_phone_number: str(),
    code_verification_status: str(),
    quality_rating: str(),
    platform_type: oneOfValues("CLOUD_API"),
    throughput: obj({ level: str() }),
    status: str(),
    name_status: str(),
    messaging_limit_tier: str(),
    whatsapp_business_manager_messaging_limit: str(),
    is_official_business_account: bool,
    is_pin_enabled: bool,
    account_mode: str(),
    last_onboarded_time: str(),
  },
  required: ["id"],
};
const media = obj({
  messaging_product: { const: "whatsapp" },
  url: str("A signed download URL, valid 5 minutes"),
  mime_type: str(),
  sha256: str(),
  file_size: str(),
  id: str(),
});
/** A message template node as ?fields= picks it. */
export const template = {
  type: "object",
  description:
    "A message template: the requested ?fields= (default name, parameter_format, components, language, status, category, id)",
  properties: {
    id: str(),
    name: str(),
    language: str(),
    status: str(),
    category: str(),
    parameter_format: oneOfValues("POSITIONAL", "NAMED"),
    components: arr(anyJson("A template component as created")),
    rejected_reason: str(),
    quality_score: obj({ score: str(), date: int() }),
    message_send_ttl_seconds: int(),
    review: obj({ rule: str(), "note?": str() }, "OpenWABA: the review rule that decided, and why"),
  },
  required: ["id"],
};
const waba = {
  type: "object",
  description: "The WABA's fields, or with ?fields= those asked for, analytics field expressions included",
  properties: {
    id: str(),
    name: str(),
    currency: str(),
    timezone_id: str(),
    message_template_namespace: str(),
    analytics: anyJson("The analytics field expression's result"),
    pricing_analytics: anyJson("The pricing_analytics field expression's result"),
    conversation_analytics: anyJson("The conversation_analytics field expression's result"),
    template_analytics: anyJson("The template_analytics field expression's result"),
  },
  required: ["id"],
};
/** A business profile's fields as GET …/whatsapp_business_profile answers them. */
export const businessProfile = (): JsonSchema => fromAnswer(businessProfileAnswer);
const profileFields = fromAnswer(businessProfileFields).properties as Record<string, JsonSchema>;
/** What POST /{waba_id}/message_templates answers. */
export const createdTemplate = obj({ id: str(), status: oneOfValues("PENDING"), category: str() });
const qrCode = obj({
  code: str(),
  prefilled_message: str(),
  deep_link_url: str(),
  "qr_image_url?": str("Only when generate_qr_image was asked for"),
});

const messages = group("Messages", GRAPH_TOKEN, {
  "POST /{version}/{phone_number_id}/messages": {
    summary: "Send a message, or mark one as read",
    requestBody: jsonBody({ oneOf: sendBodies() }),
    responses: {
      200: ok(
        anyOf(
          obj({
            messaging_product: { const: "whatsapp" },
            contacts: arr(obj({ input: str(), wa_id: str() })),
            messages: arr(obj({ id: str("The wamid") })),
          }),
          obj({ success: bool }, "After a mark-as-read"),
        ),
      ),
      ...graphErrors,
    },
  },
});

const mediaDocs = group("Media", GRAPH_TOKEN, {
  "POST /{version}/{phone_number_id}/media": {
    summary: "Upload media (multipart: messaging_product, type, file)",
    requestBody: {
      required: true,
      content: {
        "multipart/form-data": {
          schema: obj({
            messaging_product: { const: "whatsapp" },
            "type?": str("The MIME type; must match the file's"),
            file: { type: "string", format: "binary" },
          }),
        },
      },
    },
    responses: { 200: ok(obj({ id: str("The media id") })), ...graphErrors },
  },
  "GET /lookaside/media/{media_id}": {
    summary: "Download media bytes from the signed URL GET /{media_id} gave",
    parameters: [
      query("ext", int(), "The URL's expiry (ms), as given"),
      query("hash", str(), "The URL's signature, as given"),
      header("range", str(), "bytes=start-end for part of the file"),
    ],
    responses: {
      200: bytes("application/octet-stream", "The file, with its own Content-Type"),
      206: bytes("application/octet-stream", "The asked range"),
      416: { description: "The range lies outside the file" },
      ...graphErrors,
    },
  },
});

const uploads = group("Resumable uploads", GRAPH_TOKEN, {
  "POST /{version}/{app_id}/uploads": {
    summary: "Open a resumable upload session (for template header samples)",
    parameters: [
      query("file_name", str()),
      query("file_length", int(), "Bytes"),
      query("file_type", str(), "The MIME type"),
    ],
    responses: { 200: ok(obj({ id: str("upload:… — the session") })), ...graphErrors },
  },
  "GET /{version}/upload:{upload_session}": {
    summary: "Where an upload session stands",
    parameters: [query("sig", str(), "The session's signature, when given apart")],
    responses: { 200: ok(obj({ id: str(), file_offset: int() })), ...graphErrors },
  },
  "POST /{version}/upload:{upload_session}": {
    summary: "Send the file's bytes (header file_offset: 0); answers the handle",
    parameters: [
      header("file_offset", { type: "string", pattern: "^\\d+$" }, "The byte the upload starts at: 0", true),
      query("sig", str(), "The session's signature, when given apart"),
    ],
    requestBody: {
      required: true,
      content: { "application/octet-stream": { schema: { type: "string", format: "binary" } } },
    },
    responses: { 200: ok(obj({ h: str("The handle for example.header_handle") })), ...graphErrors },
  },
});

const nodes = group("Nodes", GRAPH_TOKEN, {
  "GET /{version}/app": {
    summary: "The app the token belongs to",
    responses: { 200: ok(obj({ id: str(), name: str() })), ...graphErrors },
  },
  "GET /{version}/{id}": {
    summary: "Read a phone number (?fields=), media object, template or WABA",
    parameters: [fields],
    responses: { 200: ok(anyOf(phoneNumber, media, template, waba)), ...graphErrors },
  },
  "POST /{version}/{id}": {
    summary: "Edit a template",
    requestBody: jsonBody(fromContract(editTemplateRequest)),
    responses: { 200: ok(obj({ success: bool, id: str() })), ...graphErrors },
  },
  "DELETE /{version}/{id}": { summary: "Delete media", responses: { 200: success, ...graphErrors } },
});

const numbers = group("Phone numbers", GRAPH_TOKEN, {
  "GET /{version}/{waba_id}/phone_numbers": {
    summary: "List the WABA's phone numbers",
    parameters: [fields, query("sort", str(), "created_at ascending or descending"), ...pagingQuery],
    responses: { 200: listOf(phoneNumber), ...graphErrors },
  },
  "GET /{version}/{phone_number_id}/whatsapp_business_profile": {
    summary: "Read the business profile",
    parameters: [fields],
    responses: {
      200: ok(
        obj({
          data: arr(businessProfile()),
        }),
      ),
      ...graphErrors,
    },
  },
  "POST /{version}/{phone_number_id}/whatsapp_business_profile": {
    summary: 'Update the business profile (merges; "" clears a field)',
    requestBody: jsonBody({
      ...obj({ messaging_product: { const: "whatsapp" } }),
      properties: {
        messaging_product: { const: "whatsapp" },
        ...profileFields,
        profile_picture_handle: { type: "string", maxLength: 512 },
      },
      additionalProperties: false,
    }),
    responses: { 200: success, ...graphErrors },
  },
  "POST /{version}/{phone_number_id}/message_qrdls": {
    summary: "Create a QR code and short link, or with code change its prefilled message",
    requestBody: jsonBody(
      obj({
        prefilled_message: { type: "string", minLength: 1, maxLength: 140 },
        "generate_qr_image?": oneOfValues("SVG", "PNG"),
        "code?": str("An existing code to change"),
      }),
    ),
    responses: { 200: ok(qrCode), ...graphErrors },
  },
  "GET /{version}/{phone_number_id}/message_qrdls": {
    summary: "List the number's QR codes and short links",
    responses: { 200: ok(obj({ data: arr(qrCode) })), ...graphErrors },
  },
  "GET /{version}/{phone_number_id}/message_qrdls/{code}": {
    summary: "Read one QR code",
    responses: { 200: ok(obj({ data: arr(qrCode) })), ...graphErrors },
  },
  "DELETE /{version}/{phone_number_id}/message_qrdls/{code}": {
    summary: "Delete a QR code",
    responses: { 200: success, ...graphErrors },
  },
});

const templates = group("Templates", GRAPH_TOKEN, {
  "POST /{version}/{waba_id}/message_templates": {
    summary: "Create a template (reviewed as Meta would)",
    requestBody: jsonBody(fromContract(createTemplateRequest)),
    responses: {
      200: ok(createdTemplate),
      ...graphErrors,
    },
  },
  "GET /{version}/{waba_id}/message_templates": {
    summary: "List templates (filter by name, status, category, language…)",
    parameters: [
      fields,
      query("name", str()),
      query("status", str()),
      query("category", str()),
      query("language", str()),
      ...pagingQuery,
    ],
    responses: { 200: listOf(template), ...graphErrors },
  },
  "DELETE /{version}/{waba_id}/message_templates": {
    summary: "Delete a template by name (every language), or one by hsm_id",
    parameters: [query("name", str()), query("hsm_id", str())],
    responses: { 200: success, ...graphErrors },
  },
});

export const subscribedApp = fromAnswer(subscribedAppContract);

const webhooks = group("Webhook subscriptions", GRAPH_TOKEN, {
  "POST /{version}/{app_id}/subscriptions": {
    summary: "Set the app's webhook (verified by a GET handshake); also as query parameters",
    description: "The app's own token or Meta's app token form `app_id|app_secret`.",
    requestBody: jsonBody(
      obj({
        object: { const: "whatsapp_business_account" },
        callback_url: { type: "string", maxLength: 2000 },
        verify_token: { type: "string", maxLength: 512 },
        "fields?": anyOf(str("Comma-separated"), arr(str())),
        "include_values?": anyOf(bool, str()),
      }),
    ),
    responses: { 200: success, ...graphErrors },
  },
  "GET /{version}/{app_id}/subscriptions": {
    summary: "Read the app's webhook subscription",
    responses: {
      200: ok(
        obj({
          data: arr(
            obj({
              object: str(),
              callback_url: str(),
              active: bool,
              fields: arr(obj({ name: str(), version: str() })),
            }),
          ),
        }),
      ),
      ...graphErrors,
    },
  },
  "DELETE /{version}/{app_id}/subscriptions": {
    summary: "Remove the app's webhook",
    responses: { 200: success, ...graphErrors },
  },
  "POST /{version}/{waba_id}/subscribed_apps": {
    summary: "Subscribe the app to the WABA (optional override_callback_uri + verify_token)",
    requestBody: {
      required: false,
      content: {
        "application/json": { schema: obj({ "override_callback_uri?": str(), "verify_token?": str() }) },
      },
    },
    responses: { 200: success, ...graphErrors },
  },
  "GET /{version}/{waba_id}/subscribed_apps": {
    summary: "List subscribed apps",
    responses: { 200: ok(obj({ data: arr(subscribedApp) })), ...graphErrors },
  },
  "DELETE /{version}/{waba_id}/subscribed_apps": {
    summary: "Unsubscribe the app",
    responses: { 200: success, ...graphErrors },
  },
});

/** Meta's Cloud API surface. */
export const graphRoutes: RouteDocs = {
  ...messages,
  ...mediaDocs,
  ...uploads,
  ...nodes,
  ...numbers,
  ...templates,
  ...webhooks,
};
