import { z } from "zod";

// The vocabulary the route documentation is written in: JSON Schema fragments, and the parts of an
// OpenAPI operation a route's entry gives (its path parameters come from the path itself).

export type JsonSchema = Record<string, unknown>;

export interface ParameterDoc {
  name: string;
  in: "query" | "path" | "header";
  required?: boolean;
  description?: string;
  schema: JsonSchema;
  example?: unknown;
}

export interface ResponseDoc {
  description: string;
  content?: Record<string, { schema: JsonSchema }>;
}

export interface RequestBodyDoc {
  required?: boolean;
  description?: string;
  content: Record<string, { schema: JsonSchema }>;
}

/** One route's documentation, keyed in a registry by `"METHOD /path/{param}"`. */
export interface RouteDoc {
  summary: string;
  tag: string;
  description?: string;
  parameters?: ParameterDoc[];
  requestBody?: RequestBodyDoc;
  responses: Record<string, ResponseDoc>;
  /** Who may call it, as OpenAPI's security requirements; [] for anyone. */
  security: Array<Record<string, string[]>>;
}

export type RouteDocs = Record<string, RouteDoc>;

/** A contracts zod schema as the JSON Schema of what a client sends. */
export const fromContract = (schema: z.ZodType): JsonSchema =>
  z.toJSONSchema(schema, { io: "input", unrepresentable: "any" }) as JsonSchema;

/**
 * A contracts zod schema as the JSON Schema of what the server answers: one definition for the type
 * and the document, written in the registry's plain subset (a nullable is anyOf with null, an instant
 * is a date-time string, an integer has no safe-integer bounds).
 */
export const fromAnswer = (schema: z.ZodType): JsonSchema => {
  const { $schema: _, ...json } = z.toJSONSchema(schema, { io: "output", unrepresentable: "any" }) as JsonSchema;
  return plainSubset(json) as JsonSchema;
};

/**
 * A contracts zod schema as the JSON Schema of what a client sends to the suite: the route parses the
 * same schema, in the registry's plain subset (its refinements, which JSON Schema cannot say, are not in it).
 */
export const fromRequest = (schema: z.ZodType): JsonSchema => {
  const { $schema: _, ...json } = z.toJSONSchema(schema, { io: "input", unrepresentable: "any" }) as JsonSchema;
  return plainSubset(json) as JsonSchema;
};

/** A contracts query schema as the operation's query parameters, one per property, with a word on some. */
export function queryFrom(schema: z.ZodType, descriptions: Record<string, string> = {}): ParameterDoc[] {
  const json = fromRequest(schema) as { properties?: Record<string, JsonSchema>; required?: string[] };
  return Object.entries(json.properties ?? {}).map(([name, s]) => ({
    name,
    in: "query",
    ...(json.required?.includes(name) ? { required: true } : {}),
    schema: s,
    ...(descriptions[name] ? { description: descriptions[name] } : {}),
  }));
}

function plainSubset(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(plainSubset);
  if (typeof node !== "object" || node === null) return node;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(node)) out[k] = plainSubset(v);
  if (out.format === "date-time") delete out.pattern;
  if (out.minimum === Number.MIN_SAFE_INTEGER) delete out.minimum;
  if (out.maximum === Number.MAX_SAFE_INTEGER) delete out.maximum;
  if (!Array.isArray(out.type)) return out;
  const { type, description, ...rest } = out;
  return {
    ...(description ? { description } : {}),
    anyOf: (type as string[]).map((t) => (t === "null" ? { type: t } : { ...rest, type: t })),
  };
}

export const str = (description?: string): JsonSchema => ({ type: "string", ...(description ? { description } : {}) });
export const int = (description?: string): JsonSchema => ({ type: "integer", ...(description ? { description } : {}) });
export const num: JsonSchema = { type: "number" };
export const bool: JsonSchema = { type: "boolean" };
export const time: JsonSchema = { type: "string", format: "date-time" };
export const millis: JsonSchema = { type: "integer", description: "milliseconds since the Unix epoch" };
export const oneOfValues = (...values: unknown[]): JsonSchema => ({ enum: values });
export const nullable = (s: JsonSchema): JsonSchema => ({ anyOf: [s, { type: "null" }] });
export const arr = (items: JsonSchema): JsonSchema => ({ type: "array", items });
/** An object whose keys are free (counts by status, per-field values…). */
export const map = (values: JsonSchema): JsonSchema => ({ type: "object", additionalProperties: values });
/** Any JSON value the API passes through as given (webhook payloads, flow graphs, evidence…). */
export const anyJson = (description: string): JsonSchema => ({ description });

/** An object with these properties; names ending in `?` are optional, the others required. */
export function obj(properties: Record<string, JsonSchema>, description?: string): JsonSchema {
  const props: Record<string, JsonSchema> = {};
  const required: string[] = [];
  for (const [k, v] of Object.entries(properties)) {
    const name = k.endsWith("?") ? k.slice(0, -1) : k;
    if (!k.endsWith("?")) required.push(name);
    props[name] = v;
  }
  return {
    type: "object",
    ...(description ? { description } : {}),
    properties: props,
    ...(required.length ? { required } : {}),
  };
}

export const ref = (name: string): JsonSchema => ({ $ref: `#/components/schemas/${name}` });

export const jsonBody = (schema: JsonSchema, description?: string): RequestBodyDoc => ({
  required: true,
  ...(description ? { description } : {}),
  content: { "application/json": { schema } },
});

export const ok = (schema: JsonSchema, description = "OK"): ResponseDoc => ({
  description,
  content: { "application/json": { schema } },
});

/** A body that is not JSON: the bytes of a file, a CSV, a page. */
export const bytes = (type: string, description: string): ResponseDoc => ({
  description,
  content: { [type]: { schema: { type: "string", format: "binary" } } },
});

export const query = (name: string, schema: JsonSchema, description?: string): ParameterDoc => ({
  name,
  in: "query",
  schema,
  ...(description ? { description } : {}),
});

export const header = (name: string, schema: JsonSchema, description: string, required = false): ParameterDoc => ({
  name,
  in: "header",
  required,
  schema,
  description,
});

export const path = (name: string, description: string, schema: JsonSchema = str()): ParameterDoc => ({
  name,
  in: "path",
  required: true,
  schema,
  description,
});

/** `{success: true}`, the answer of Graph writes that return nothing else. */
export const success = ok(obj({ success: bool }));

/** A registry entry as a group writes it: the group gives its tag, and its security unless the entry does. */
type Entry = Omit<RouteDoc, "tag" | "security"> & { security?: RouteDoc["security"] };

/** Stamps one tag and one security requirement on a group of entries written without them. */
export function group(tag: string, security: RouteDoc["security"], docs: Record<string, Entry>): RouteDocs {
  return Object.fromEntries(Object.entries(docs).map(([k, d]) => [k, { tag, security, ...d }]));
}

/**
 * A group of suite API entries: a read needs a session or an API key, a write also the session's
 * CSRF header (packages/suite/src/auth/sessions.ts); an entry may say otherwise.
 */
export function suiteGroup(
  tag: string,
  read: RouteDoc["security"],
  write: RouteDoc["security"],
  docs: Record<string, Entry>,
): RouteDocs {
  return Object.fromEntries(
    Object.entries(docs).map(([k, d]) => [k, { tag, security: k.startsWith("GET ") ? read : write, ...d }]),
  );
}
