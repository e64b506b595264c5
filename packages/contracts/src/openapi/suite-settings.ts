import { ANYONE, SUITE_READ, SUITE_WRITE, suiteErrors } from "./components";
import { createTemplateRequest, editTemplateRequest } from "../templates/template-request";
import { createdTemplate, subscribedApp, template } from "./graph";
import { deadLetter, delivery, messageStatus, subscriber, testResults } from "./openwaba";
import { chatView, newSimUser, sentByUser, simUser, userMessage } from "./simulator";
import {
  anyJson,
  arr,
  bool,
  fromContract,
  int,
  jsonBody,
  map,
  nullable,
  num,
  obj,
  ok,
  oneOfValues,
  query,
  str,
  suiteGroup,
  time,
  type JsonSchema,
  type RouteDocs,
} from "./shapes";

// The tenant's settings (routing, business hours, the business webhook, the FAQ bot, the website
// widget), supervision (reports, alerts, the live stream), and what the console does on the Cloud
// API for the tenant (templates, webhook debugging) (packages/suite/src/*).

const done = ok(obj({ ok: bool }));
const lead = " (admins and supervisors)";

const conditions = obj({
  "phone_number_ids?": arr(str()),
  "keywords?": arr(str()),
  "labels?": arr(str()),
  "languages?": arr({ type: "string", pattern: "^[a-z]{2}$" }),
  "business_hours?": oneOfValues("inside", "outside"),
});
const rule = obj({ name: { type: "string", maxLength: 80 }, team_id: str(), conditions });
const businessHours = nullable(
  obj({
    timezone: str("An IANA time zone"),
    days: map({
      type: "array",
      maxItems: 6,
      items: { type: "array", prefixItems: [str("HH:MM"), str("HH:MM")], minItems: 2, maxItems: 2 },
      description: "Opening intervals of a weekday (mon … sun)",
    }),
  }),
);
const businessWebhook = nullable(obj({ url: str(), "secret?": str("Signs each POST; shown to admins only") }));
const faqBot = obj({ enabled: bool, threshold: num });
/** The tenant's settings as stored (business hours, webhook, bots…); GET adds the tenant's name. */
const storedSettings: JsonSchema = {
  ...obj({
    "business_hours?": businessHours,
    "business_webhook?": businessWebhook,
    "faq_bot?": faqBot,
    "auto_messages?": anyJson("The greeting and away messages"),
  }),
  additionalProperties: true,
};
const tenantSettings: JsonSchema = {
  ...storedSettings,
  properties: { name: str("The tenant's name"), ...(storedSettings.properties as object) },
  required: ["name"],
};
const widgetFields = {
  "enabled?": bool,
  "phone_number_id?": str(),
  "title?": { type: "string", maxLength: 60 },
  "greeting?": { type: "string", maxLength: 300 },
  "button_label?": { type: "string", maxLength: 40 },
  "start_label?": { type: "string", maxLength: 40 },
  "brand_color?": { type: "string", pattern: "^#[0-9a-fA-F]{6}$" },
  "position?": oneOfValues("bottom-right", "bottom-left"),
  prefilled_message: { type: "string", maxLength: 140 },
  "opt_in_text?": nullable({ type: "string", maxLength: 100 }),
  "allowed_origins?": arr(str("An origin, https://shop.example")),
};
const link = obj({ code: str(), deep_link_url: str(), prefilled_message: str() });
const widget = {
  ...obj({
    public_id: str(),
    phone_number_id: str(),
    entry_points: obj({ plain: link, opt_in: nullable(link) }),
    script_url: str(),
    snippet: str("The <script> tag to paste into a shop's pages"),
    version: int(),
    updated_at: time,
  }),
  additionalProperties: anyJson("The widget's settings, as saved"),
};
const faqEntry = obj({
  id: str(),
  question: str(),
  alternatives: arr(str()),
  answer: str(),
  language: nullable(str()),
});
const faqFields = {
  question: { type: "string", minLength: 3, maxLength: 500 },
  answer: { type: "string", maxLength: 4096 },
  "language?": nullable({ type: "string", pattern: "^[a-z]{2}$" }),
  "alternatives?": { type: "array", maxItems: 20, items: { type: "string", minLength: 3, maxLength: 500 } },
};

const settings = suiteGroup("Suite settings", SUITE_READ, SUITE_WRITE, {
  "GET /suite/api/routing-rules": {
    summary: `The routing rules, in order${lead}`,
    responses: {
      200: ok(obj({ rules: arr({ ...rule, properties: { id: str(), ...(rule.properties as object) } }) })),
      ...suiteErrors,
    },
  },
  "PUT /suite/api/routing-rules": {
    summary: "Replace the routing rules as a whole (admins)",
    requestBody: jsonBody(obj({ rules: { type: "array", maxItems: 100, items: rule } })),
    responses: { 200: ok(obj({ rules: arr(rule) })), ...suiteErrors },
  },
  "GET /suite/api/settings": {
    summary: "The tenant's settings (the business webhook's secret: admins only)",
    responses: { 200: ok(tenantSettings), ...suiteErrors },
  },
  "PUT /suite/api/settings/business-hours": {
    summary: "Set business hours, or null for none (admins)",
    requestBody: jsonBody(obj({ business_hours: businessHours })),
    responses: { 200: ok(storedSettings), ...suiteErrors },
  },
  "PUT /suite/api/settings/business-webhook": {
    summary: "Where the business's systems hear of contacts and conversations, or null (admins)",
    requestBody: jsonBody(obj({ url: nullable({ type: "string", format: "uri" }) })),
    responses: { 200: ok(obj({ business_webhook: businessWebhook })), ...suiteErrors },
  },
  "PUT /suite/api/settings/faq-bot": {
    summary: "Switch the FAQ bot and set its threshold (admins)",
    requestBody: jsonBody(obj({ enabled: bool, "threshold?": { type: "number", minimum: 0.1, maximum: 1 } })),
    responses: { 200: ok(faqBot), ...suiteErrors },
  },
  "GET /suite/api/settings/widget": {
    summary: `The website chat widget's settings${lead}`,
    responses: {
      200: ok(obj({ widget: nullable(widget), defaults: anyJson("What the form starts from") })),
      ...suiteErrors,
    },
  },
  "PUT /suite/api/settings/widget": {
    summary: `Save the website chat widget${lead}`,
    requestBody: jsonBody(obj(widgetFields)),
    responses: { 200: ok(obj({ widget })), ...suiteErrors },
  },
  "POST /suite/api/settings/widget/preview": {
    summary: `The script these settings would make, nothing saved${lead}`,
    requestBody: jsonBody(obj(widgetFields)),
    responses: { 200: ok(obj({ script: nullable(str()) })), ...suiteErrors },
  },
});

const faq = suiteGroup("Suite FAQ", SUITE_READ, SUITE_WRITE, {
  "GET /suite/api/faq": {
    summary: "The knowledge base and the bot's settings",
    responses: { 200: ok(obj({ data: arr(faqEntry), bot: faqBot })), ...suiteErrors },
  },
  "POST /suite/api/faq": {
    summary: `Add an entry${lead}`,
    requestBody: jsonBody(obj(faqFields)),
    responses: { 201: ok(faqEntry, "Added"), ...suiteErrors },
  },
  "PATCH /suite/api/faq/{id}": {
    summary: `Change an entry${lead}`,
    requestBody: jsonBody({ type: "object", properties: obj(faqFields).properties as object }),
    responses: { 200: ok(faqEntry), ...suiteErrors },
  },
  "DELETE /suite/api/faq/{id}": { summary: `Remove an entry${lead}`, responses: { 200: done, ...suiteErrors } },
  "GET /suite/api/faq/unanswered": {
    summary: `What the bot could not answer${lead}`,
    responses: {
      200: ok(
        obj({
          data: arr(obj({ id: str(), conversation_id: str(), question: str(), confidence: nullable(num), at: time })),
        }),
      ),
      ...suiteErrors,
    },
  },
  "POST /suite/api/faq/try": {
    summary: "Try a question against the knowledge base",
    requestBody: jsonBody(obj({ question: { type: "string", maxLength: 1000 }, "language?": nullable(str()) })),
    responses: {
      200: ok(
        obj({
          match: nullable(obj({ id: str(), question: str(), matched: str(), answer: str(), confidence: num })),
          would_answer: bool,
          threshold: num,
        }),
      ),
      ...suiteErrors,
    },
  },
});

const reportRow = obj({
  key: str("The day, agent or team"),
  conversations: int(),
  resolved: int(),
  first_response_median_s: nullable(num),
  first_response_avg_s: nullable(num),
  resolution_median_s: nullable(num),
  csat_avg: nullable(num),
  csat_count: int(),
});
const queue = { waiting: int(), open: int(), oldest_waiting_s: nullable(int()) };

const supervision = suiteGroup("Suite supervision", SUITE_READ, SUITE_WRITE, {
  "GET /suite/api/reports/live": {
    summary: `The queues and agents now${lead}`,
    responses: {
      200: ok(
        obj({
          at: time,
          queues: arr(obj({ team_id: nullable(str()), name: str(), ...queue })),
          agents: arr(
            obj({
              id: str(),
              name: str(),
              availability: str(),
              capacity: int(),
              role: str(),
              open: int(),
              awaiting_first_response: int(),
            }),
          ),
        }),
      ),
      ...suiteErrors,
    },
  },
  "GET /suite/api/reports": {
    summary: `Volume, response times, CSAT, messages and cost over days${lead}`,
    parameters: [
      query("range", oneOfValues("today", "7d", "30d")),
      query("from", str(), "YYYY-MM-DD, in the tenant's time zone"),
      query("to", str(), "YYYY-MM-DD, in the tenant's time zone"),
      query("group", oneOfValues("day", "agent", "team")),
      query("format", oneOfValues("json", "csv")),
    ],
    responses: {
      200: {
        description: "The report (CSV with format=csv: one row a group)",
        content: {
          "application/json": {
            schema: obj({
              from: time,
              to: time,
              range: obj({ preset: nullable(str()), from_day: str(), to_day: str(), days: int(), time_zone: str() }),
              group: str(),
              rows: arr(reportRow),
              messages_by_status: map(int()),
              cost: nullable(arr(obj({ currency: nullable(str()), by_category: map(num) }))),
            }),
          },
          "text/csv": { schema: str() },
        },
      },
      ...suiteErrors,
    },
  },
  "GET /suite/api/alerts": {
    summary: `The latest alerts from the Cloud API (quality, limits, templates…)${lead}`,
    responses: {
      200: ok(
        obj({
          data: arr(
            obj({
              id: str(),
              kind: str(),
              severity: str(),
              title: str(),
              data: anyJson("The webhook change behind it"),
              at: time,
              read: bool,
            }),
          ),
        }),
      ),
      ...suiteErrors,
    },
  },
  "POST /suite/api/alerts/read": { summary: `Mark every alert read${lead}`, responses: { 200: done, ...suiteErrors } },
  "GET /suite/api/stream": {
    summary: "Server-Sent Events of the tenant's changes the user may see",
    description:
      "Each event has its sequence number as id; reconnect with Last-Event-ID or ?after= to get what was missed.",
    parameters: [query("after", int(), "The last sequence number seen")],
    responses: {
      200: {
        description: "An event stream: event is the change's kind, data its JSON",
        content: { "text/event-stream": { schema: str() } },
      },
      ...suiteErrors,
    },
  },
});

const waba = query("waba_id", { type: "string", pattern: "^\\d{1,20}$" }, "The tenant's WABA (the first when none)");
const wabaBody = (more: Record<string, JsonSchema> = {}) => ({
  required: false,
  content: { "application/json": { schema: obj({ "waba_id?": { type: "string", pattern: "^\\d{1,20}$" }, ...more }) } },
});

const cloudApi = suiteGroup("Suite Cloud API", SUITE_READ, SUITE_WRITE, {
  "GET /suite/api/templates": {
    summary: "The templates of every WABA of the tenant",
    responses: { 200: ok(obj({ data: arr(template) })), ...suiteErrors },
  },
  "POST /suite/api/templates": {
    summary: `Create a template on the Cloud API (it goes to review)${lead}`,
    requestBody: jsonBody(fromContract(createTemplateRequest)),
    responses: { 201: ok(createdTemplate, "Created"), ...suiteErrors },
  },
  "POST /suite/api/templates/header-samples": {
    summary: `Upload a media header's sample (multipart, field file); the handle is for example.header_handle${lead}`,
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
    summary: `Edit a template (it goes back to review)${lead}`,
    requestBody: jsonBody(fromContract(editTemplateRequest)),
    responses: { 200: ok(template), ...suiteErrors },
  },
  "DELETE /suite/api/templates/{id}": {
    summary: `Delete one language of a template${lead}`,
    responses: {
      200: ok(obj({ deleted: bool, id: str(), name: str(), language: str() })),
      ...suiteErrors,
    },
  },
  "GET /suite/api/webhooks": {
    summary: "Each WABA's subscriptions, subscribers, recent deliveries and dead letters (admins)",
    responses: {
      200: ok(
        obj({
          data: arr(
            obj({
              waba_id: str(),
              subscriptions: arr(subscribedApp),
              subscribers: nullable(arr(subscriber)),
              deliveries: nullable(arr(delivery)),
              dead_letters: nullable(arr(deadLetter)),
            }),
          ),
        }),
      ),
      ...suiteErrors,
    },
  },
  "GET /suite/api/webhooks/deliveries": {
    summary: "A WABA's recent webhook deliveries (admins)",
    parameters: [
      waba,
      query("ok", oneOfValues("true", "false")),
      query("app_id", str()),
      query("before", str()),
      query("limit", { type: "integer", minimum: 1, maximum: 200 }),
    ],
    responses: {
      200: ok(obj({ data: arr(delivery), paging: obj({ next_before: nullable(str()) }) })),
      ...suiteErrors,
    },
  },
  "POST /suite/api/webhooks/deliveries/{id}/resend": {
    summary: "Send a logged delivery again (admins)",
    requestBody: wabaBody(),
    responses: { 200: ok(obj({ success: bool, delivery })), ...suiteErrors },
  },
  "POST /suite/api/webhooks/test": {
    summary: "Send Meta's test message to the WABA's subscribers (admins)",
    requestBody: wabaBody({ "app_id?": str() }),
    responses: { 200: ok(testResults), ...suiteErrors },
  },
  "POST /suite/api/webhooks/redrive": {
    summary: "Deliver the WABA's dead letters again (admins)",
    requestBody: wabaBody({ "ids?": arr(int()) }),
    responses: { 200: ok(obj({ redriven: int() })), ...suiteErrors },
  },
  "GET /suite/api/webhooks/messages": {
    summary: "What became of the messages sent lately (admins)",
    parameters: [waba, query("limit", { type: "integer", minimum: 1, maximum: 200 })],
    responses: { 200: ok(obj({ data: arr(messageStatus) })), ...suiteErrors },
  },
  "GET /suite/api/webhooks/messages/{id}": {
    summary: "A sent message's status and error (admins)",
    parameters: [waba],
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
    responses: { 200: done, ...suiteErrors },
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
export const suiteSettingsRoutes: RouteDocs = {
  ...settings,
  ...faq,
  ...supervision,
  ...cloudApi,
  ...phone,
  ...inbound,
};
