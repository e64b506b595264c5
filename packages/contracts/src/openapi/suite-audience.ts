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
import { campaignSpecSchema } from "../suite/campaign-spec";
import { campaign as campaignAnswer, campaignEstimate, campaignList, campaignRecipientList } from "../suite/campaigns";
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
  obj,
  ok,
  oneOfValues,
  query,
  str,
  suiteGroup,
  type RouteDocs,
} from "./shapes";

// The business's audience: contacts (CRM-lite) and the campaigns sent to them
// (packages/suite/src/contacts, packages/suite/src/campaigns).

const contact = fromAnswer(contactAnswer);
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

const campaignSpec = fromRequest(campaignSpecSchema);
const campaign = fromAnswer(campaignAnswer);
const estimate = fromAnswer(campaignEstimate);
const one = ok(campaign);

const campaigns = suiteGroup("Suite campaigns", SUITE_READ, SUITE_WRITE, {
  "GET /suite/api/campaigns": {
    summary: "The tenant's campaigns with their progress (admins and supervisors)",
    responses: { 200: ok(fromAnswer(campaignList)), ...suiteErrors },
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
    responses: { 200: ok(fromAnswer(campaignRecipientList)), ...suiteErrors },
  },
  "GET /suite/api/campaigns/{id}/recipients.csv": {
    summary: "Per-recipient status as CSV",
    responses: { 200: bytes("text/csv", "One recipient a row, the columns of …/recipients"), ...suiteErrors },
  },
});

/** Contacts and campaigns. */
export const suiteAudienceRoutes: RouteDocs = { ...contacts, ...campaigns };
