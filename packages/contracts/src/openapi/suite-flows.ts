import { entryPointRequest } from "../suite/entry-points";
import { SUITE_READ, SUITE_WRITE, suiteErrors, suiteDone } from "./components";
import {
  anyJson,
  arr,
  bool,
  fromRequest,
  int,
  jsonBody,
  map,
  nullable,
  obj,
  ok,
  oneOfValues,
  path,
  query,
  str,
  suiteGroup,
  time,
  type JsonSchema,
  type RouteDocs,
} from "./shapes";

// Flows (the bot builder), their runs, the events that start them, the greeting and away
// messages, and consent entry points (packages/suite/src/flows, packages/suite/src/entry-points).

const flowDocument: JsonSchema = {
  ...obj({
    "openwaba_flow?": int("The format's version"),
    name: { type: "string", maxLength: 120 },
    "description?": { type: "string", maxLength: 2000 },
    trigger: obj(
      {
        type: oneOfValues(
          "first_message",
          "keyword",
          "outside_hours",
          "button",
          "event",
          "schedule",
          "conversation_resolved",
          "manual",
        ),
      },
      "What starts a run, with the fields of its type",
    ),
    "settings?": obj({ "reply_timeout?": str(), "phone_number_ids?": arr(str()), "handover_team_id?": str() }),
    start: str("The first node's id"),
    nodes: map(
      obj(
        { type: oneOfValues("send", "ask", "branch", "set", "http", "wait", "handover", "csat", "end") },
        "A node, with the fields of its type",
      ),
    ),
  }),
  description: "A flow document (docs: the flow format); 1–200 nodes",
};
const problem = obj({ path: str(), message: str() });
const flowSummary = {
  id: str(),
  name: str(),
  enabled: bool,
  trigger_type: str(),
  live_version: nullable(int("The published version")),
  latest_version: int(),
  next_fire_at: nullable(time),
  updated_at: time,
};
const flow = obj({ ...flowSummary, created_at: time, document: flowDocument });
const withWarnings = {
  ...flow,
  properties: { ...(flow.properties as object), warnings: arr(problem) },
};
const run = obj({
  id: str(),
  flow_id: str(),
  flow_version: int(),
  conversation_id: str(),
  wa_id: str(),
  state: oneOfValues("active", "completed", "handed_over", "stopped", "expired", "failed"),
  node: str(),
  waiting: nullable(str()),
  wait_until: nullable(time),
  trigger: anyJson("What started the run"),
  started_at: time,
  updated_at: time,
  ended_at: nullable(time),
  end_reason: nullable(str()),
});
const launch = { oneOf: [obj({ flow_id: str(), run_id: str() }), obj({ flow_id: str(), skipped: str() })] };
const autoMessages = obj({
  "greeting?": obj({ enabled: bool, text: { type: "string", maxLength: 4096 } }),
  "away?": obj({ enabled: bool, text: { type: "string", maxLength: 4096 } }),
  "human_words?": { type: "array", maxItems: 50, items: str(), description: "More words meaning a person, please" },
});
const entryPoint = obj({
  code: str(),
  phone_number_id: str(),
  prefilled_message: str(),
  opt_in: bool,
  source: str(),
  deep_link_url: str(),
  "qr_image_url?": str(),
});
const document = jsonBody(obj({ document: flowDocument, "publish?": bool }));

const flows = suiteGroup("Suite flows", SUITE_READ, SUITE_WRITE, {
  "GET /suite/api/flows": {
    summary: "The tenant's flows with their runs counted by state",
    responses: { 200: ok(obj({ data: arr(obj({ ...flowSummary, runs: map(int()) })) })), ...suiteErrors },
  },
  "POST /suite/api/flows": {
    summary: "Make a flow from a document, optionally publishing it (admins and supervisors)",
    requestBody: document,
    responses: { 201: ok(withWarnings, "Made"), ...suiteErrors },
  },
  "POST /suite/api/flows/import": {
    summary: "Import an exported document: a new flow, or with flow_id its next version",
    parameters: [query("flow_id", str()), query("publish", oneOfValues("true", "false"))],
    requestBody: jsonBody(flowDocument),
    responses: {
      200: ok(withWarnings, "A new version of flow_id"),
      201: ok(withWarnings, "A new flow"),
      ...suiteErrors,
    },
  },
  "GET /suite/api/flows/{id}": {
    summary: "A flow, its latest document and its versions (admins and supervisors)",
    responses: {
      200: ok({
        ...flow,
        properties: {
          ...(flow.properties as object),
          versions: arr(obj({ version: int(), created_by: nullable(str()), created_at: time })),
        },
      }),
      ...suiteErrors,
    },
  },
  "PUT /suite/api/flows/{id}": {
    summary: "Save a new version of the flow's document",
    requestBody: document,
    responses: { 200: ok(withWarnings), ...suiteErrors },
  },
  "PATCH /suite/api/flows/{id}": {
    summary: "Enable or disable a flow",
    requestBody: jsonBody(obj({ enabled: bool })),
    responses: { 200: ok(flow), ...suiteErrors },
  },
  "DELETE /suite/api/flows/{id}": { summary: "Delete a flow", responses: { 200: suiteDone, ...suiteErrors } },
  "POST /suite/api/flows/{id}/publish": {
    summary: "Publish a version (the latest unless given)",
    requestBody: { required: false, content: { "application/json": { schema: obj({ "version?": int() }) } } },
    responses: { 200: ok(flow), ...suiteErrors },
  },
  "GET /suite/api/flows/{id}/versions/{version}": {
    summary: "One version's document",
    parameters: [path("version", "The flow's version number", { type: "integer", minimum: 1 })],
    responses: { 200: ok(obj({ version: int(), document: flowDocument })), ...suiteErrors },
  },
  "GET /suite/api/flows/{id}/export": {
    summary: "The document as a file (the latest version, or ?version=)",
    parameters: [query("version", int())],
    responses: { 200: ok(flowDocument, "NAME.flow.json"), ...suiteErrors },
  },
  "GET /suite/api/flows/{id}/runs": {
    summary: "The flow's runs, latest first",
    parameters: [
      query("state", oneOfValues("active", "completed", "handed_over", "stopped", "expired", "failed")),
      query("limit", { type: "integer", minimum: 1, maximum: 200, default: 50 }),
    ],
    responses: { 200: ok(obj({ data: arr(run) })), ...suiteErrors },
  },
  "POST /suite/api/flows/events": {
    summary: "An event from the business's system starts the flows waiting for it",
    requestBody: jsonBody(
      obj({
        event: { type: "string", pattern: "^[A-Za-z0-9_.:-]{1,60}$" },
        phone: str(),
        "name?": str(),
        "phone_number_id?": str(),
        "data?": map(anyJson("The event's data, for {{event.…}} variables")),
        "default_country?": { type: "string", pattern: "^[A-Z]{2}$" },
      }),
    ),
    responses: {
      202: ok(
        obj({
          event: str(),
          wa_id: str(),
          started: arr(obj({ flow_id: str(), run_id: str() })),
          skipped: arr(obj({ flow_id: str(), skipped: str() })),
        }),
        "Accepted",
      ),
      ...suiteErrors,
    },
  },
});

const runs = suiteGroup("Suite flow runs", SUITE_READ, SUITE_WRITE, {
  "GET /suite/api/flow-runs/{id}": {
    summary: "A run and its trace (what the bot gathered: leads only)",
    responses: {
      200: ok({
        ...run,
        properties: {
          ...(run.properties as object),
          flow_name: nullable(str()),
          vars: nullable(map(anyJson("A run variable"))),
          steps: arr(obj({ seq: int(), node: str(), kind: str(), detail: anyJson("What the step did"), at: time })),
        },
      }),
      ...suiteErrors,
    },
  },
  "POST /suite/api/flow-runs/{id}/stop": {
    summary: "Stop a run; the conversation goes back to people",
    responses: { 200: suiteDone, ...suiteErrors },
  },
  "POST /suite/api/conversations/{id}/flow": {
    summary: "Hand the conversation to a published flow",
    requestBody: jsonBody(obj({ flow_id: str() })),
    responses: { 201: ok(launch, "Started"), ...suiteErrors },
  },
});

const auto = suiteGroup("Suite settings", SUITE_READ, SUITE_WRITE, {
  "GET /suite/api/settings/auto-messages": {
    summary: "The greeting and away messages",
    responses: { 200: ok(autoMessages), ...suiteErrors },
  },
  "PUT /suite/api/settings/auto-messages": {
    summary: "Set the greeting and away messages (admins and supervisors)",
    requestBody: jsonBody(autoMessages),
    responses: { 200: ok(autoMessages), ...suiteErrors },
  },
});

const entryPoints = suiteGroup("Suite entry points", SUITE_READ, SUITE_WRITE, {
  "GET /suite/api/entry-points": {
    summary: "The tenant's QR codes and wa.me links",
    responses: { 200: ok(obj({ data: arr(entryPoint) })), ...suiteErrors },
  },
  "POST /suite/api/entry-points": {
    summary: "Make a QR code and wa.me link; an opt-in one grants marketing consent (admins and supervisors)",
    requestBody: jsonBody(fromRequest(entryPointRequest)),
    responses: { 201: ok(entryPoint, "Made"), ...suiteErrors },
  },
  "DELETE /suite/api/entry-points/{code}": {
    summary: "Delete an entry point (not the website widget's)",
    responses: { 200: suiteDone, ...suiteErrors },
  },
});

/** Flows, runs, auto messages and entry points. */
export const suiteFlowRoutes: RouteDocs = { ...flows, ...runs, ...auto, ...entryPoints };
