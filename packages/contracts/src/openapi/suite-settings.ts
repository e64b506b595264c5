import {
  faqBotRequest,
  faqEntry as faqEntryAnswer,
  faqEntryChangeRequest,
  faqEntryRequest,
  faqList,
  faqTryRequest,
  unansweredQuestions,
} from "../suite/faq";
import {
  businessHoursRequest,
  businessWebhook as businessWebhookAnswer,
  businessWebhookRequest,
  routingRulesRequest,
  faqBot as faqBotAnswer,
  storedSettings as storedSettingsAnswer,
  tenantSettings as tenantSettingsAnswer,
} from "../suite/settings";
import { widgetRequest } from "../suite/widget";
import { SUITE_READ, SUITE_WRITE, suiteErrors, suiteDone, FOR_LEADS } from "./components";
import {
  anyJson,
  arr,
  bool,
  fromAnswer,
  fromRequest,
  int,
  jsonBody,
  nullable,
  num,
  obj,
  ok,
  oneOfValues,
  str,
  suiteGroup,
  time,
  type RouteDocs,
} from "./shapes";

// The tenant's settings: routing rules, business hours, the business webhook, the FAQ bot and its
// knowledge base, the website widget (packages/suite/src/routing, outbound, faq, widget).

const conditions = obj({
  "phone_number_ids?": arr(str()),
  "keywords?": arr(str()),
  "labels?": arr(str()),
  "languages?": arr({ type: "string", pattern: "^[a-z]{2}$" }),
  "business_hours?": oneOfValues("inside", "outside"),
});
const rule = obj({ name: { type: "string", maxLength: 80 }, team_id: str(), conditions });
const businessWebhook = fromAnswer(businessWebhookAnswer);
const faqBot = fromAnswer(faqBotAnswer);
const storedSettings = fromAnswer(storedSettingsAnswer);
const tenantSettings = fromAnswer(tenantSettingsAnswer);
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
const faqEntry = fromAnswer(faqEntryAnswer);
const settings = suiteGroup("Suite settings", SUITE_READ, SUITE_WRITE, {
  "GET /suite/api/routing-rules": {
    summary: `The routing rules, in order${FOR_LEADS}`,
    responses: {
      200: ok(obj({ rules: arr({ ...rule, properties: { id: str(), ...(rule.properties as object) } }) })),
      ...suiteErrors,
    },
  },
  "PUT /suite/api/routing-rules": {
    summary: "Replace the routing rules as a whole (admins)",
    requestBody: jsonBody(fromRequest(routingRulesRequest)),
    responses: { 200: ok(obj({ rules: arr(rule) })), ...suiteErrors },
  },
  "GET /suite/api/settings": {
    summary: "The tenant's settings (the business webhook's secret: admins only)",
    responses: { 200: ok(tenantSettings), ...suiteErrors },
  },
  "PUT /suite/api/settings/business-hours": {
    summary: "Set business hours, or null for none (admins)",
    requestBody: jsonBody(fromRequest(businessHoursRequest)),
    responses: { 200: ok(storedSettings), ...suiteErrors },
  },
  "PUT /suite/api/settings/business-webhook": {
    summary: "Where the business's systems hear of contacts and conversations, or null (admins)",
    requestBody: jsonBody(fromRequest(businessWebhookRequest)),
    responses: { 200: ok(obj({ business_webhook: businessWebhook })), ...suiteErrors },
  },
  "PUT /suite/api/settings/faq-bot": {
    summary: "Switch the FAQ bot and set its threshold (admins)",
    requestBody: jsonBody(fromRequest(faqBotRequest)),
    responses: { 200: ok(faqBot), ...suiteErrors },
  },
  "GET /suite/api/settings/widget": {
    summary: `The website chat widget's settings${FOR_LEADS}`,
    responses: {
      200: ok(obj({ widget: nullable(widget), defaults: anyJson("What the form starts from") })),
      ...suiteErrors,
    },
  },
  "PUT /suite/api/settings/widget": {
    summary: `Save the website chat widget${FOR_LEADS}`,
    requestBody: jsonBody(fromRequest(widgetRequest)),
    responses: { 200: ok(obj({ widget })), ...suiteErrors },
  },
  "POST /suite/api/settings/widget/preview": {
    summary: `The script these settings would make, nothing saved${FOR_LEADS}`,
    requestBody: jsonBody(fromRequest(widgetRequest)),
    responses: { 200: ok(obj({ script: nullable(str()) })), ...suiteErrors },
  },
});

const faq = suiteGroup("Suite FAQ", SUITE_READ, SUITE_WRITE, {
  "GET /suite/api/faq": {
    summary: "The knowledge base and the bot's settings",
    responses: { 200: ok(fromAnswer(faqList)), ...suiteErrors },
  },
  "POST /suite/api/faq": {
    summary: `Add an entry${FOR_LEADS}`,
    requestBody: jsonBody(fromRequest(faqEntryRequest)),
    responses: { 201: ok(faqEntry, "Added"), ...suiteErrors },
  },
  "PATCH /suite/api/faq/{id}": {
    summary: `Change an entry${FOR_LEADS}`,
    requestBody: jsonBody(fromRequest(faqEntryChangeRequest)),
    responses: { 200: ok(faqEntry), ...suiteErrors },
  },
  "DELETE /suite/api/faq/{id}": {
    summary: `Remove an entry${FOR_LEADS}`,
    responses: { 200: suiteDone, ...suiteErrors },
  },
  "GET /suite/api/faq/unanswered": {
    summary: `What the bot could not answer${FOR_LEADS}`,
    responses: {
      200: ok(fromAnswer(unansweredQuestions)),
      ...suiteErrors,
    },
  },
  "POST /suite/api/faq/try": {
    summary: "Try a question against the knowledge base",
    requestBody: jsonBody(fromRequest(faqTryRequest)),
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

/** Routing, settings, the widget and the FAQ. */
export const suiteSettingsRoutes: RouteDocs = { ...settings, ...faq };
