import { entryPointRequest } from "../suite/entry-points";
import { flowDocumentSchema } from "../suite/flow-document";
import { flowDetail, flowList, flowRunList, runTrace } from "../suite/flows";
import { SUITE_READ, SUITE_WRITE, suiteErrors, suiteDone } from "./components";
import {
  anyJson,
  arr,
  bool,
  fromAnswer,
  fromRequest,
  int,
  jsonBody,
  map,
  obj,
  ok,
  oneOfValues,
  path,
  query,
  str,
  suiteGroup,
  type JsonSchema,
  type RouteDocs,
} from "./shapes";

// Flows (the bot builder), their runs, the events that start them, the greeting and away
// messages, and consent entry points (packages/suite/src/flows, packages/suite/src/entry-points).

const flowDocument: JsonSchema = {
  ...fromRequest(flowDocumentSchema),
  description: "A flow document (docs: the flow format); 1–200 nodes",
};
const flow = fromAnswer(flowDetail);
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
    responses: { 200: ok(fromAnswer(flowList)), ...suiteErrors },
  },
  "POST /suite/api/flows": {
    summary: "Make a flow from a document, optionally publishing it (admins and supervisors)",
    requestBody: document,
    responses: { 201: ok(flow, "Made"), ...suiteErrors },
  },
  "POST /suite/api/flows/import": {
    summary: "Import an exported document: a new flow, or with flow_id its next version",
    parameters: [query("flow_id", str()), query("publish", oneOfValues("true", "false"))],
    requestBody: jsonBody(flowDocument),
    responses: {
      200: ok(flow, "A new version of flow_id"),
      201: ok(flow, "A new flow"),
      ...suiteErrors,
    },
  },
  "GET /suite/api/flows/{id}": {
    summary: "A flow, its latest document and its versions (admins and supervisors)",
    responses: {
      200: ok(flow),
      ...suiteErrors,
    },
  },
  "PUT /suite/api/flows/{id}": {
    summary: "Save a new version of the flow's document",
    requestBody: document,
    responses: { 200: ok(flow), ...suiteErrors },
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
    responses: { 200: ok(obj({ version: int(), document: fromAnswer(flowDocumentSchema) })), ...suiteErrors },
  },
  "GET /suite/api/flows/{id}/export": {
    summary: "The document as a file (the latest version, or ?version=)",
    parameters: [query("version", int())],
    responses: { 200: ok(fromAnswer(flowDocumentSchema), "NAME.flow.json"), ...suiteErrors },
  },
  "GET /suite/api/flows/{id}/runs": {
    summary: "The flow's runs, latest first",
    parameters: [
      query("state", oneOfValues("active", "completed", "handed_over", "stopped", "expired", "failed")),
      query("limit", { type: "integer", minimum: 1, maximum: 200, default: 50 }),
    ],
    responses: { 200: ok(fromAnswer(flowRunList)), ...suiteErrors },
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
      200: ok(fromAnswer(runTrace)),
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
