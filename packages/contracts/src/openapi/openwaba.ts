import { messageStatus as messageStatusContract } from "../messages/message-status";
import {
  resentWebhookDelivery,
  webhookDelivery,
  webhookDeliveryPage,
  webhookTestResults,
} from "../webhooks/webhook-delivery";
import { webhookDeadLetter, webhookSubscriber } from "../webhooks/webhook-subscribers";
import { GRAPH_TOKEN, ANYONE, graphErrors } from "./components";
import {
  anyJson,
  arr,
  bool,
  fromAnswer,
  group,
  int,
  jsonBody,
  map,
  nullable,
  obj,
  ok,
  oneOfValues,
  query,
  str,
  time,
  type JsonSchema,
  type RouteDocs,
} from "./shapes";

// OpenWABA's own extensions under /openwaba (not in Meta's API), with the Graph token and Meta's
// error envelope (packages/platform/src/graph/*.route.ts).

/** One logged webhook POST. */
export const delivery = fromAnswer(webhookDelivery);
/** A message's status as /openwaba/messages shows it. */
export const messageStatus = fromAnswer(messageStatusContract);
/** A webhook event given up on. */
export const deadLetter = fromAnswer(webhookDeadLetter);
/** An app subscribed to the WABA and where its events go. */
export const subscriber = fromAnswer(webhookSubscriber);
/** What sending Meta's test message answers. */
export const testResults = fromAnswer(webhookTestResults);
const consent = nullable(
  obj({
    scope: oneOfValues("marketing", "utility"),
    status: oneOfValues("granted", "revoked"),
    source: str(),
    evidence: anyJson("What the business recorded as proof, as given"),
    at: time,
  }),
);
/** Money as the ledger writes it: a decimal string with six places ("0.012500"). */
const amount = { type: "string", pattern: "^-?\\d+\\.\\d{6}$" };
const pricingModel = obj({
  waba_id: str(),
  pricing_model: nullable(str("Pinned for this WABA: CBP, PMP or auto; null for the deployment's default")),
  deployment_default: str(),
  in_force: str(),
});
const messagingLimit = obj({
  waba_id: str(),
  model: str("portfolio or per-number"),
  numbers: arr(
    obj({
      phone_number_id: str(),
      display_phone_number: str(),
      tier: str(),
      throughput_level: str(),
      users_in_24_hours: int(),
      next_review: nullable(time),
      verified: bool,
      max_phone_numbers_per_business: int(),
    }),
  ),
});
const limit = (max: number) => query("limit", { type: "integer", minimum: 1, maximum: max });
const ids: JsonSchema = { type: "array", maxItems: 10_000, items: { type: "integer", minimum: 1 } };

const webhooks = group("OpenWABA webhooks", GRAPH_TOKEN, {
  "GET /openwaba/webhooks/dead-letters": {
    summary: "Webhook events given up on, per subscriber",
    parameters: [limit(1000)],
    responses: {
      200: ok(
        obj({
          data: arr(deadLetter),
        }),
      ),
      ...graphErrors,
    },
  },
  "POST /openwaba/webhooks/dead-letters/redrive": {
    summary: "Deliver dead letters again (all, or those ids)",
    requestBody: { required: false, content: { "application/json": { schema: obj({ "ids?": ids }) } } },
    responses: { 200: ok(obj({ success: bool, redriven: int() })), ...graphErrors },
  },
  "GET /openwaba/webhooks/subscribers": {
    summary: "Every app subscribed to the WABA, where its events go and its backlog",
    responses: {
      200: ok(
        obj({
          data: arr(subscriber),
        }),
      ),
      ...graphErrors,
    },
  },
  "GET /openwaba/webhooks/deliveries": {
    summary: "Recent POSTs to each subscriber, newest first",
    parameters: [
      limit(200),
      query("before", str(), "A delivery id: the page after it"),
      query("ok", oneOfValues("true", "false")),
      query("app_id", str()),
      query("field", str()),
    ],
    responses: {
      200: ok(fromAnswer(webhookDeliveryPage)),
      ...graphErrors,
    },
  },
  "GET /openwaba/webhooks/deliveries/{id}": {
    summary: "One logged delivery",
    responses: { 200: ok(delivery), ...graphErrors },
  },
  "POST /openwaba/webhooks/deliveries/{id}/resend": {
    summary: "Send a logged delivery again to the subscriber's current callback",
    responses: { 200: ok(fromAnswer(resentWebhookDelivery)), ...graphErrors },
  },
  "POST /openwaba/webhooks/test": {
    summary: "Send Meta's test message to every subscriber, or to one app",
    requestBody: { required: false, content: { "application/json": { schema: obj({ "app_id?": str() }) } } },
    responses: {
      200: ok(testResults),
      ...graphErrors,
    },
  },
});

const messages = group("OpenWABA messages", GRAPH_TOKEN, {
  "GET /openwaba/messages": {
    summary: "Recent messages of the WABA's numbers, with their status and errors",
    parameters: [
      query("phone_number_id", str()),
      query("wa_id", { type: "string", pattern: "^\\d{5,20}$" }),
      query("direction", oneOfValues("in", "out")),
      limit(200),
    ],
    responses: { 200: ok(obj({ data: arr(messageStatus) })), ...graphErrors },
  },
  "GET /openwaba/messages/{id}": {
    summary: "A message's current status and, once failed, its error",
    responses: { 200: ok(messageStatus), ...graphErrors },
  },
});

const templates = group("OpenWABA templates", GRAPH_TOKEN, {
  "POST /openwaba/templates/{id}/review": {
    summary: "Decide a pending template's review now",
    requestBody: jsonBody(
      obj({
        event: oneOfValues("APPROVED", "REJECTED"),
        "reason?": str("A rejection reason of Meta's"),
        "explanation?": obj({ reason: str(), recommendation: str() }),
      }),
    ),
    responses: {
      200: ok(obj({ id: str(), name: str(), language: str(), status: str(), category: str(), rejected_reason: str() })),
      ...graphErrors,
    },
  },
});

const consents = group("OpenWABA consents", GRAPH_TOKEN, {
  "POST /openwaba/consents": {
    summary: "Record an opt-in or opt-out from the business's own entry points",
    requestBody: jsonBody(
      obj({
        wa_id: { type: "string", pattern: "^\\d{5,15}$" },
        scope: oneOfValues("marketing", "utility"),
        status: oneOfValues("granted", "revoked"),
        "source?": { type: "string", maxLength: 64, default: "api" },
        "evidence?": anyJson("Any proof to keep with the entry"),
      }),
    ),
    responses: { 201: ok(obj({ success: bool, consent }), "Recorded"), ...graphErrors },
  },
  "GET /openwaba/consents/{wa_id}": {
    summary: "A user's current consents and their history",
    responses: {
      200: ok(obj({ wa_id: str(), marketing: consent, utility: consent, history: arr(consent) })),
      ...graphErrors,
    },
  },
});

const billing = group("OpenWABA billing and limits", GRAPH_TOKEN, {
  "GET /openwaba/billing": {
    summary: "The billing ledger's summary for the WABA",
    parameters: [
      query("since", str(), "Unix seconds or an ISO date"),
      query("until", str(), "Unix seconds or an ISO date"),
    ],
    responses: {
      200: ok(
        obj({
          waba_id: str(),
          since: time,
          until: time,
          currency: nullable(str()),
          charges: int(),
          total: amount,
          by_category: map(amount),
          by_country: map(amount),
          by_pricing_model: map(amount),
        }),
      ),
      ...graphErrors,
    },
  },
  "GET /openwaba/pricing-model": {
    summary: "The WABA's pricing model and the one in force",
    responses: { 200: ok(pricingModel), ...graphErrors },
  },
  "POST /openwaba/pricing-model": {
    summary: "Pin the WABA's pricing model, or null for the deployment's default",
    requestBody: jsonBody(obj({ pricing_model: nullable(str("CBP, PMP or auto")) })),
    responses: { 200: ok(pricingModel), ...graphErrors },
  },
  "GET /openwaba/messaging-limit": {
    summary: "The messaging limit tier and usage of each number",
    responses: { 200: ok(messagingLimit), ...graphErrors },
  },
  "PUT /openwaba/messaging-limit": {
    summary: "Put the business (or its first number) at a tier",
    requestBody: jsonBody(obj({ tier: { type: "string", pattern: "^TIER_[A-Z0-9]+$" } })),
    responses: { 200: ok(messagingLimit), ...graphErrors },
  },
  "POST /openwaba/business-verification": {
    summary: "Verify the business (or not): the shortcut out of the first tier at the next review",
    requestBody: jsonBody(obj({ verified: bool })),
    responses: { 200: ok(messagingLimit), ...graphErrors },
  },
});

const qr = group("OpenWABA QR images", ANYONE, {
  "GET /openwaba/qr/{file}": {
    summary: "A QR code's image (CODE.svg or CODE.png); public, it encodes only the deep link",
    responses: {
      200: {
        description: "The image",
        content: {
          "image/svg+xml": { schema: str() },
          "image/png": { schema: { type: "string", format: "binary" } },
        },
      },
      ...graphErrors,
    },
  },
});

/** OpenWABA's /openwaba extensions. */
export const openwabaRoutes: RouteDocs = { ...webhooks, ...messages, ...templates, ...consents, ...billing, ...qr };
