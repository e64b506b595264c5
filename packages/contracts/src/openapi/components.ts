import { bool, int, obj, ok, ref, str, type JsonSchema, type ResponseDoc } from "./shapes";

/** Meta's Graph error envelope, which every Graph, /openwaba and simulator error answers with. */
export const graphErrorEnvelope: JsonSchema = obj({
  error: obj({
    message: { type: "string", example: "(#131008) Required parameter is missing" },
    type: str(),
    code: int(),
    "error_subcode?": int(),
    "fbtrace_id?": str(),
    "error_data?": obj({ "messaging_product?": { const: "whatsapp" }, "details?": str() }),
  }),
});

/** The suite API's envelope: `code` is a stable word a console can switch on (README "Suite API"). */
export const suiteErrorEnvelope: JsonSchema = obj({
  error: {
    ...obj({ code: str("invalid_request, not_found, forbidden, not_signed_in, csrf, conflict…"), message: str() }),
    additionalProperties: true,
    description: "Some errors add fields: `field` names the bad input of a 400.",
  },
});

export const graphErrors: Record<string, ResponseDoc> = {
  "4XX": ok(ref("GraphError"), "Graph error envelope"),
  "5XX": ok(ref("GraphError"), "Graph error envelope"),
};

export const suiteErrors: Record<string, ResponseDoc> = {
  "4XX": ok(ref("SuiteError"), "Suite error envelope"),
  "5XX": ok(ref("SuiteError"), "Suite error envelope"),
};

/**
 * How callers prove who they are (packages/platform/src/graph/graph-request.ts and
 * packages/suite/src/auth/sessions.ts): a Graph access token, in the Authorization header or as
 * `?access_token=`;
 * in the suite, the session cookie with its CSRF header on writes, or an API key.
 */
export const securitySchemes = {
  graphToken: {
    type: "http",
    scheme: "bearer",
    description: "A system-user or app access token (`Authorization: Bearer …`, or `OAuth …`).",
  },
  graphTokenQuery: {
    type: "apiKey",
    in: "query",
    name: "access_token",
    description: "The same token as a query parameter, as Graph also takes it.",
  },
  suiteSession: {
    type: "apiKey",
    in: "cookie",
    name: "openwaba_session",
    description: "Set by POST /suite/api/login; HttpOnly, SameSite=Lax.",
  },
  suiteCsrf: {
    type: "apiKey",
    in: "header",
    name: "x-csrf-token",
    description: "The session's CSRF token (returned by login and GET /suite/api/me), required on every write.",
  },
  suiteApiKey: {
    type: "http",
    scheme: "bearer",
    description: "A suite API key `owk_…` (POST /suite/api/api-keys); no CSRF header needed.",
  },
} as const;

/** Who may call a route, as OpenAPI writes it: any one of these requirements. */
export type Security = Array<Record<string, string[]>>;

export const GRAPH_TOKEN: Security = [{ graphToken: [] }, { graphTokenQuery: [] }];
/** A suite read: a session, or an API key. */
export const SUITE_READ: Security = [{ suiteSession: [] }, { suiteApiKey: [] }];
/** A suite write: a session with its CSRF header, or an API key. */
export const SUITE_WRITE: Security = [{ suiteSession: [], suiteCsrf: [] }, { suiteApiKey: [] }];
export const ANYONE: Security = [];

export const schemas = { GraphError: graphErrorEnvelope, SuiteError: suiteErrorEnvelope };

/** Graph's cursor paging (`cursors` always; `next`/`previous` only when such a page exists). */
export const graphPaging: JsonSchema = obj({
  cursors: obj({ before: str(), after: str() }),
  "next?": str(),
  "previous?": str(),
});

/** Path parameters named the same wherever they appear; the others are plain strings. */
export const commonPathParams: Record<string, { description: string; schema: JsonSchema; example?: string }> = {
  version: {
    description: "The Graph API version",
    schema: { type: "string", pattern: "^v\\d{1,2}\\.\\d$" },
    example: "v23.0",
  },
  phone_number_id: { description: "A business phone number's id", schema: str() },
  waba_id: { description: "The WhatsApp Business Account's id", schema: str() },
  app_id: { description: "The app's id", schema: str() },
  wa_id: { description: "A WhatsApp user's number, digits only", schema: { type: "string", pattern: "^\\d+$" } },
};

/** A session alone, for what an API key may not do (make, list or revoke keys). */
export const SESSION_READ: Security = [{ suiteSession: [] }];
export const SESSION_WRITE: Security = [{ suiteSession: [], suiteCsrf: [] }];

/** `{ok: true}`, the suite's answer to a change that returns nothing else. */
export const suiteDone = ok(obj({ ok: bool }));
/** Said of what only admins and supervisors may do. */
export const FOR_LEADS = " (admins and supervisors)";
