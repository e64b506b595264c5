import { SUITE_READ, SUITE_WRITE, suiteErrors, suiteDone } from "./components";
import {
  contact as contactAnswer,
  contactDetail,
  contactEditRequest,
  contactImportQuery,
  contactList,
  contactListQuery,
  contactRequest,
} from "../suite/contacts";
import {
  fromAnswer,
  fromRequest,
  queryFrom,
  anyJson,
  arr,
  bool,
  bytes,
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

// The business's audience: contacts (CRM-lite) and the campaigns sent to them
// (packages/suite/src/contacts, packages/suite/src/campaigns).

const contact = fromAnswer(contactAnswer);
const country = { type: "string", pattern: "^[A-Z]{2}$" };
const filterWords = { q: "Words in the name or digits of the number" };
const listFilters = queryFrom(contactListQuery.omit({ limit: true, offset: true }), filterWords);

const contacts = suiteGroup("Suite contacts", SUITE_READ, SUITE_WRITE, {
  "GET /suite/api/contacts": {
    summary: "Contacts matching the filters, most recently changed first",
    description: "Besides these filters, `attr.NAME=VALUE` keeps the contacts whose attribute NAME is exactly VALUE.",
    parameters: queryFrom(contactListQuery, filterWords),
    responses: { 200: ok(fromAnswer(contactList)), ...suiteErrors },
  },
  "POST /suite/api/contacts": {
    summary: "Add a contact",
    requestBody: jsonBody(fromRequest(contactRequest)),
    responses: { 201: ok(contact, "Added"), ...suiteErrors },
  },
  "GET /suite/api/contacts/export": {
    summary: "The matching contacts as CSV (admins and supervisors)",
    description: "The filters of GET /suite/api/contacts, `attr.NAME=VALUE` included.",
    parameters: listFilters,
    responses: {
      200: bytes("text/csv", "phone, name, language, timezone, tags, consent and one column per attribute"),
    },
  },
  "POST /suite/api/contacts/import": {
    summary: "Import contacts from CSV, checked row by row; dry_run reports without writing (admins and supervisors)",
    parameters: queryFrom(contactImportQuery),
    requestBody: { required: true, content: { "text/csv": { schema: str("A header row, then one contact a row") } } },
    responses: {
      200: ok(
        obj({
          dry_run: bool,
          separator: str(),
          rows: int(),
          valid: int(),
          contacts: int(),
          duplicates: int(),
          created: int(),
          updated: int(),
          stopped_in_whatsapp: int("Consent granted by the file to people who stopped in WhatsApp: it stays withdrawn"),
          errors: arr(obj({ line: int(), error: str() })),
          preview: arr(anyJson("A contact as it would be saved")),
        }),
      ),
      ...suiteErrors,
    },
  },
  "GET /suite/api/contacts/{id}": {
    summary: "A contact and the conversations the user may see with them",
    responses: {
      200: ok(fromAnswer(contactDetail)),
      ...suiteErrors,
    },
  },
  "PATCH /suite/api/contacts/{id}": {
    summary: "Change a contact (consent cannot override a STOP sent in WhatsApp)",
    requestBody: jsonBody(fromRequest(contactEditRequest)),
    responses: { 200: ok(contact), ...suiteErrors },
  },
  "DELETE /suite/api/contacts/{id}": {
    summary: "Forget a contact (admins and supervisors); conversations stay",
    responses: { 200: suiteDone, ...suiteErrors },
  },
});

const segment = obj({
  "tag?": str(),
  "consent?": oneOfValues("granted", "revoked", "none"),
  "attributes?": map(str()),
  "active_since_days?": { type: "integer", minimum: 1, maximum: 3650 },
  "active_since?": time,
  "q?": str(),
});
const campaignSpec = obj({
  name: { type: "string", maxLength: 120 },
  "phone_number_id?": str(),
  template: obj({
    name: str(),
    language: str(),
    "parameters?": arr(str("A body parameter: text with {{contact.name}}, {{attr.code|fallback}}…")),
    "components?": arr(anyJson("A Cloud API component")),
  }),
  audience: {
    oneOf: [
      obj({ segment }),
      obj({ phones: { type: "array", minItems: 1, maxItems: 100_000, items: str() }, "default_country?": country }),
    ],
  },
  "schedule?": {
    oneOf: [
      obj({ type: { const: "now" } }),
      obj({ type: { const: "at" }, at: time }),
      obj({
        type: { const: "local_time" },
        date: str("YYYY-MM-DD"),
        time: str("HH:MM in each contact's zone"),
        "fallback_timezone?": str(),
      }),
    ],
  },
  "max_mps?": { type: "number", minimum: 0.1, maximum: 1000 },
});
const rate = nullable(num);
const campaign = obj({
  id: str(),
  name: str(),
  phone_number_id: str(),
  state: oneOfValues("draft", "preparing", "scheduled", "running", "paused", "completed", "cancelled"),
  category: str(),
  spec: campaignSpec,
  totals: nullable(map(anyJson("Counts fixed when the audience was"))),
  note: nullable(str("Why a paused campaign is paused")),
  created_at: time,
  updated_at: time,
  started_at: nullable(time),
  completed_at: nullable(time),
  progress: nullable(
    obj(
      {
        recipients: int(),
        by_state: map(int()),
        sent: int(),
        delivered: int(),
        read: int(),
        failed: int(),
        replied: int(),
        opted_out: int(),
        waiting: int(),
        rates: obj({ delivered: rate, read: rate, replied: rate, failed: rate, opted_out: rate }),
        cost: obj({ currency: str(), total: num }),
        pace: obj({ mps_last_10s: num, eta: nullable(time) }),
        held: nullable(obj({ until: time, reason: nullable(str()) })),
      },
      "null for a draft",
    ),
  ),
});
const estimate = obj({
  recipients: int(),
  excluded: map(int()),
  category: str(),
  cost: obj({
    currency: str(),
    total: num,
    by_country: arr(obj({ country: str(), recipients: int(), total: num })),
  }),
  pace: obj({
    mps: num,
    throughput_level: str(),
    messaging_limit: obj({ tier: str(), limit: nullable(int()), used_24h: int(), room: nullable(int()) }),
    outside_window: int(),
    seconds_at_full_pace: num,
    limited_by: str(),
    extra_days: int(),
    finishes_at: time,
  }),
});
const recipient: JsonSchema = obj({
  seq: int(),
  phone: str(),
  country: str(),
  state: str(),
  message_id: nullable(str()),
  error: nullable(anyJson("Meta's error, or the retry that is due")),
  cost: nullable(num),
  due_at: nullable(time),
  sent_at: nullable(time),
  delivered_at: nullable(time),
  read_at: nullable(time),
  replied_at: nullable(time),
  opted_out_at: nullable(time),
});
const one = ok(campaign);

const campaigns = suiteGroup("Suite campaigns", SUITE_READ, SUITE_WRITE, {
  "GET /suite/api/campaigns": {
    summary: "The tenant's campaigns with their progress (admins and supervisors)",
    responses: { 200: ok(obj({ data: arr(campaign) })), ...suiteErrors },
  },
  "POST /suite/api/campaigns": {
    summary: "Define a campaign (a draft), checked against the Cloud API",
    requestBody: jsonBody(campaignSpec),
    responses: { 201: ok(campaign, "Drafted"), ...suiteErrors },
  },
  "POST /suite/api/campaigns/estimate": {
    summary: "Estimate a definition not saved yet: recipients, cost and pace",
    requestBody: jsonBody(campaignSpec),
    responses: { 200: ok(estimate), ...suiteErrors },
  },
  "GET /suite/api/campaigns/{id}": { summary: "A campaign and its progress", responses: { 200: one, ...suiteErrors } },
  "PUT /suite/api/campaigns/{id}": {
    summary: "Change a draft's definition",
    requestBody: jsonBody(campaignSpec),
    responses: { 200: one, ...suiteErrors },
  },
  "DELETE /suite/api/campaigns/{id}": {
    summary: "Delete a draft, completed or cancelled campaign",
    responses: { 200: suiteDone, ...suiteErrors },
  },
  "GET /suite/api/campaigns/{id}/estimate": {
    summary: "Estimate a saved draft",
    responses: { 200: ok(estimate), ...suiteErrors },
  },
  "POST /suite/api/campaigns/{id}/send": {
    summary: "Send a draft: the audience is fixed and the dispatcher starts",
    responses: { 200: one, ...suiteErrors },
  },
  "POST /suite/api/campaigns/{id}/pause": { summary: "Pause sending", responses: { 200: one, ...suiteErrors } },
  "POST /suite/api/campaigns/{id}/resume": { summary: "Resume sending", responses: { 200: one, ...suiteErrors } },
  "POST /suite/api/campaigns/{id}/cancel": {
    summary: "Cancel: what has not gone stays unsent",
    responses: { 200: one, ...suiteErrors },
  },
  "GET /suite/api/campaigns/{id}/recipients": {
    summary: "Per-recipient status",
    parameters: [
      query(
        "state",
        oneOfValues(
          "pending",
          "sending",
          "unconfirmed",
          "accepted",
          "sent",
          "delivered",
          "read",
          "failed",
          "cancelled",
        ),
      ),
      query("replied", oneOfValues("true", "false")),
      query("limit", { type: "integer", minimum: 1, maximum: 1000, default: 100 }),
      query("offset", { type: "integer", minimum: 0, default: 0 }),
    ],
    responses: { 200: ok(obj({ data: arr(recipient) })), ...suiteErrors },
  },
  "GET /suite/api/campaigns/{id}/recipients.csv": {
    summary: "Per-recipient status as CSV",
    responses: { 200: bytes("text/csv", "One recipient a row, the columns of …/recipients"), ...suiteErrors },
  },
});

/** Contacts and campaigns. */
export const suiteAudienceRoutes: RouteDocs = { ...contacts, ...campaigns };
