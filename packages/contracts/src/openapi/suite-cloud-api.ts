import { ANYONE, SUITE_READ, SUITE_WRITE, suiteErrors, suiteDone, FOR_LEADS } from "./components";
import { createTemplateRequest, editTemplateRequest } from "../templates/template-request";
import { createdTemplate } from "./graph";
import { messageStatus, testResults } from "./openwaba";
import { templateList } from "../suite/templates";
import type { z } from "zod";
import {
  sentMessagesQuery,
  wabaRequest,
  wabaWebhooksList,
  webhookDeliveriesQuery,
  webhookRedriveRequest,
  webhookTestRequest,
} from "../suite/webhooks";
import { templateNode } from "../templates/template-node";
import { resentWebhookDelivery, webhookDeliveryPage } from "../webhooks/webhook-delivery";
import { chatView, newSimUser, sentByUser, simUser, userMessage } from "./simulator";
import {
  anyJson,
  arr,
  bool,
  fromAnswer,
  fromContract,
  fromRequest,
  int,
  jsonBody,
  obj,
  ok,
  oneOfValues,
  query,
  queryFrom,
  str,
  suiteGroup,
  time,
  type RouteDocs,
} from "./shapes";

// What the console does on the Cloud API and the simulator for the tenant (templates, webhook
// debugging, the phone view), and the public receivers: the connection's webhook and the widget's
// script (packages/suite/src/templates, webhooks, inbox/webhook.route.ts, widget; server/phone-bridge.ts).

const waba = queryFrom(wabaRequest);
/** These bodies may be left out: the first WABA, and everything of it. */
const optionalBody = (schema: z.ZodType) => ({
  required: false,
  content: { "application/json": { schema: fromRequest(schema) } },
});

const cloudApi = suiteGroup("Suite Cloud API", SUITE_READ, SUITE_WRITE, {
  "GET /suite/api/templates": {
    summary: "The templates of every WABA of the tenant",
    responses: { 200: ok(fromAnswer(templateList)), ...suiteErrors },
  },
  "POST /suite/api/templates": {
    summary: `Create a template on the Cloud API (it goes to review)${FOR_LEADS}`,
    requestBody: jsonBody(fromContract(createTemplateRequest)),
    responses: { 201: ok(createdTemplate, "Created"), ...suiteErrors },
  },
  "POST /suite/api/templates/header-samples": {
    summary: `Upload a media header's sample (multipart, field file); the handle is for example.header_handle${FOR_LEADS}`,
    requestBody: {
      required: true,
      content: { "multipart/form-data": { schema: obj({ file: { type: "string", format: "binary" } }) } },
    },
    responses: {
      201: ok(obj({ handle: str(), mime_type: str(), filename: str(), file_size: int() }), "Uploaded"),
      ...suiteErrors,
    },
  },
  "POST /suite/api/templates/{id}": {
    summary: `Edit a template (it goes back to review)${FOR_LEADS}`,
    requestBody: jsonBody(fromContract(editTemplateRequest)),
    responses: { 200: ok(fromAnswer(templateNode)), ...suiteErrors },
  },
  "DELETE /suite/api/templates/{id}": {
    summary: `Delete one language of a template${FOR_LEADS}`,
    responses: {
      200: ok(obj({ deleted: bool, id: str(), name: str(), language: str() })),
      ...suiteErrors,
    },
  },
  "GET /suite/api/webhooks": {
    summary: "Each WABA's subscriptions, subscribers, recent deliveries and dead letters (admins)",
    responses: {
      200: ok(fromAnswer(wabaWebhooksList)),
      ...suiteErrors,
    },
  },
  "GET /suite/api/webhooks/deliveries": {
    summary: "A WABA's recent webhook deliveries (admins)",
    parameters: queryFrom(webhookDeliveriesQuery),
    responses: {
      200: ok(fromAnswer(webhookDeliveryPage)),
      ...suiteErrors,
    },
  },
  "POST /suite/api/webhooks/deliveries/{id}/resend": {
    summary: "Send a logged delivery again (admins)",
    requestBody: optionalBody(wabaRequest),
    responses: { 200: ok(fromAnswer(resentWebhookDelivery)), ...suiteErrors },
  },
  "POST /suite/api/webhooks/test": {
    summary: "Send Meta's test message to the WABA's subscribers (admins)",
    requestBody: optionalBody(webhookTestRequest),
    responses: { 200: ok(testResults), ...suiteErrors },
  },
  "POST /suite/api/webhooks/redrive": {
    summary: "Deliver the WABA's dead letters again (admins)",
    requestBody: optionalBody(webhookRedriveRequest),
    responses: { 200: ok(obj({ redriven: int() })), ...suiteErrors },
  },
  "GET /suite/api/webhooks/messages": {
    summary: "What became of the messages sent lately (admins)",
    parameters: queryFrom(sentMessagesQuery),
    responses: { 200: ok(obj({ data: arr(messageStatus) })), ...suiteErrors },
  },
  "GET /suite/api/webhooks/messages/{id}": {
    summary: "A sent message's status and error (admins)",
    parameters: waba,
    responses: { 200: ok(messageStatus), ...suiteErrors },
  },
});

const phone = suiteGroup("Suite phone view", SUITE_READ, SUITE_WRITE, {
  "GET /suite/api/phone/numbers": {
    summary: "The numbers a simulated customer can write to (development tenant)",
    responses: {
      200: ok(obj({ data: arr(obj({ id: str(), display_phone_number: str(), verified_name: str() })) })),
      ...suiteErrors,
    },
  },
  "GET /suite/api/phone/users": {
    summary: "The simulated customers (development tenant)",
    responses: { 200: ok(obj({ data: arr(simUser) })), ...suiteErrors },
  },
  "POST /suite/api/phone/users": {
    summary: "Make a simulated customer (the body of POST /simulator/users)",
    requestBody: jsonBody(newSimUser),
    responses: { 201: ok(simUser, "Made"), ...suiteErrors },
  },
  "GET /suite/api/phone/users/{wa_id}/chat": {
    summary: "What the customer's phone shows of the chat with a number",
    parameters: [
      query("phone", { type: "string", pattern: "^\\d{1,20}$" }, "The business number (the first when none)"),
    ],
    responses: {
      200: ok({
        ...chatView,
        properties: { ...(chatView.properties as object), server_time: time },
        required: [...(chatView.required as string[]), "server_time"],
      }),
      ...suiteErrors,
    },
  },
  "POST /suite/api/phone/users/{wa_id}/messages": {
    summary: "The customer sends a message to a number (the body of the simulator's, without to)",
    parameters: [
      query("phone", { type: "string", pattern: "^\\d{1,20}$" }, "The business number (the first when none)"),
    ],
    requestBody: jsonBody({
      ...userMessage,
      required: (userMessage.required as string[]).filter((k) => k !== "to"),
      description: "The simulator's message body; to is the phone query's number",
    }),
    responses: { 201: ok(sentByUser, "Sent"), ...suiteErrors },
  },
});

const inbound = suiteGroup("Suite receivers", ANYONE, ANYONE, {
  "GET /suite/webhooks/{connection_id}": {
    summary: "The Cloud API's webhook handshake for one connection",
    parameters: [
      query("hub.mode", oneOfValues("subscribe")),
      query("hub.verify_token", str()),
      query("hub.challenge", str()),
    ],
    responses: { 200: { description: "The challenge", content: { "text/plain": { schema: str() } } }, ...suiteErrors },
  },
  "POST /suite/webhooks/{connection_id}": {
    summary: "The Cloud API's signed webhook events for one connection (X-Hub-Signature-256)",
    requestBody: jsonBody(anyJson("Meta's webhook payload: object, entry[].changes[]")),
    responses: { 200: suiteDone, ...suiteErrors },
  },
  "GET /widget/{file}": {
    summary: "A website widget's script (PUBLIC_ID.js), for shops' pages",
    responses: {
      200: { description: "The script", content: { "text/javascript": { schema: str() } } },
      304: { description: "Not modified (ETag)" },
      404: { description: "No such widget", content: { "text/javascript": { schema: str() } } },
    },
  },
});

/** Settings, FAQ, supervision, the Cloud API through the suite, the phone view and public receivers. */
/** Templates and webhooks through the suite, the phone view and the public receivers. */
export const suiteCloudApiRoutes: RouteDocs = { ...cloudApi, ...phone, ...inbound };
