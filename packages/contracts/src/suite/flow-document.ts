import { Cron } from "croner";
import { z } from "zod";
import { segmentSchema } from "./segment";
import { isTimeZone } from "./time-zone";
import { MAX_WAIT_MS, parseDuration } from "./durations";

// A flow document (issue #5 item 1): the versioned JSON a business edits in the console or keeps
// as a file. Nodes are keyed by id; each names the node that follows. Parsing checks the shape
// with zod, then the graph (every reference exists, the start too, regexes and cron compile).
// Pure: no I/O.

export const FLOW_FORMAT = 1;
const nodeId = z.string().regex(/^[A-Za-z0-9_-]{1,40}$/, "node ids are 1–40 letters, digits, _ or -");
const attrName = z
  .string()
  .regex(/^[A-Za-z][A-Za-z0-9_]{0,59}$/, "attribute names start with a letter: letters, digits, _ (at most 60)");
const duration = z.string().refine((d) => {
  const ms = parseDuration(d);
  return ms !== null && ms > 0 && ms <= MAX_WAIT_MS;
}, "a duration such as 45s, 10m, 2h or 1d (at most 30d)");
const str = (max: number) => z.string().min(1).max(max);

const option = z.strictObject({
  id: z.string().regex(/^[^\s]{1,200}$/, "option ids have no spaces (at most 200 characters)"),
  title: str(24),
  description: z.string().max(72).optional(),
  /** Other words a customer may type for this option. */
  synonyms: z.array(str(60)).max(20).optional(),
});
export type ChoiceOption = z.infer<typeof option>;

const mediaObject = z
  .strictObject({
    link: z.string().max(2000).optional(),
    id: z.string().max(200).optional(),
    caption: z.string().max(1024).optional(),
    filename: z.string().max(240).optional(),
  })
  .refine((m) => (m.link === undefined) !== (m.id === undefined), "give exactly one of link or id");
export const templateMessage = z.strictObject({
  name: z.string().regex(/^[a-z0-9_]{1,512}$/, "template names are lower-case letters, digits and _"),
  language: z.string().min(2).max(15),
  /** Body parameters in order ({{1}}, {{2}}…), each a text with {{…}} variables. */
  parameters: z.array(z.string().max(1024)).max(20).optional(),
  /** Or the Cloud API's components as they are (variables filled in every string). */
  components: z
    .array(z.looseObject({ type: z.string() }))
    .max(10)
    .optional(),
});

export const messageSpec = z.union([
  z.strictObject({ text: str(4096), preview_url: z.boolean().optional() }),
  z.strictObject({ image: mediaObject }),
  z.strictObject({ video: mediaObject }),
  z.strictObject({ audio: mediaObject }),
  z.strictObject({ document: mediaObject }),
  z.strictObject({
    buttons: z
      .strictObject({
        body: str(1024),
        header: str(60).optional(),
        footer: str(60).optional(),
        options: z.array(option).min(1).max(3),
      })
      .refine((b) => b.options.every((o) => o.title.length <= 20), "reply button titles have at most 20 characters"),
  }),
  z.strictObject({
    list: z
      .strictObject({
        body: str(4096),
        header: str(60).optional(),
        footer: str(60).optional(),
        button: str(20),
        sections: z
          .array(z.strictObject({ title: z.string().max(24).optional(), rows: z.array(option).min(1).max(10) }))
          .min(1)
          .max(10),
      })
      .refine((l) => l.sections.reduce((n, s) => n + s.rows.length, 0) <= 10, "a list has at most 10 rows in all"),
  }),
  z.strictObject({ template: templateMessage }),
]);
export type MessageSpec = z.infer<typeof messageSpec>;

const validation = z.discriminatedUnion("type", [
  z.strictObject({
    type: z.literal("text"),
    min_length: z.number().int().min(0).max(4096).optional(),
    max_length: z.number().int().min(1).max(4096).optional(),
  }),
  z.strictObject({
    type: z.literal("choice"),
    options: z.array(option).min(1).max(10),
    display: z.enum(["buttons", "list", "text"]).optional(),
  }),
  z.strictObject({
    type: z.literal("number"),
    min: z.number().optional(),
    max: z.number().optional(),
    integer: z.boolean().optional(),
  }),
  z.strictObject({
    type: z.literal("date"),
    not_before: z.string().max(10).optional(),
    not_after: z.string().max(10).optional(),
  }),
  z.strictObject({ type: z.literal("email") }),
  z.strictObject({
    type: z.literal("phone"),
    default_country: z
      .string()
      .regex(/^[A-Z]{2}$/)
      .optional(),
  }),
  z.strictObject({
    type: z.literal("regex"),
    pattern: str(500),
    flags: z
      .string()
      .regex(/^[imsu]{0,4}$/)
      .optional(),
  }),
  z.strictObject({ type: z.literal("any") }),
]);
export type Validation = z.infer<typeof validation>;

export type Condition =
  | {
      var: string;
      op:
        | "eq"
        | "neq"
        | "contains"
        | "starts_with"
        | "gt"
        | "gte"
        | "lt"
        | "lte"
        | "exists"
        | "not_exists"
        | "matches"
        | "in";
      value?: unknown;
    }
  | { all: Condition[] }
  | { any: Condition[] }
  | { not: Condition };
const condition: z.ZodType<Condition> = z.lazy(() =>
  z.union([
    z.strictObject({
      var: str(120),
      op: z.enum([
        "eq",
        "neq",
        "contains",
        "starts_with",
        "gt",
        "gte",
        "lt",
        "lte",
        "exists",
        "not_exists",
        "matches",
        "in",
      ]),
      value: z.unknown().optional(),
    }),
    z.strictObject({ all: z.array(condition).min(1).max(20) }),
    z.strictObject({ any: z.array(condition).min(1).max(20) }),
    z.strictObject({ not: condition }),
  ]),
);

const next = nodeId.optional();
const node = z.discriminatedUnion("type", [
  z.strictObject({ type: z.literal("send"), message: messageSpec, template: templateMessage.optional(), next }),
  z.strictObject({
    type: z.literal("ask"),
    prompt: messageSpec,
    template: templateMessage.optional(),
    validate: validation,
    save_as: attrName.optional(),
    reprompt: str(1024).optional(),
    max_attempts: z.number().int().min(1).max(10).optional(),
    timeout: duration.optional(),
    next,
    on_invalid: next,
    on_timeout: next,
  }),
  z.strictObject({
    type: z.literal("branch"),
    cases: z
      .array(z.strictObject({ when: condition, next: nodeId }))
      .min(1)
      .max(20),
    default: next,
  }),
  z.strictObject({
    type: z.literal("set"),
    attributes: z.record(attrName, z.string().max(1000).nullable()).optional(),
    vars: z.record(attrName, z.string().max(10_000)).optional(),
    tags: z
      .strictObject({ add: z.array(str(60)).max(20).optional(), remove: z.array(str(60)).max(20).optional() })
      .optional(),
    next,
  }),
  z.strictObject({
    type: z.literal("http"),
    url: str(2000),
    method: z.enum(["GET", "POST", "PUT", "PATCH", "DELETE"]).default("GET"),
    headers: z.record(z.string().regex(/^[A-Za-z0-9-]{1,100}$/), z.string().max(2000)).optional(),
    body: z.union([z.string().max(100_000), z.record(z.string(), z.unknown()), z.array(z.unknown())]).optional(),
    timeout: duration.optional(),
    retries: z.number().int().min(0).max(5).optional(),
    /** Where parts of the answer go: {"attr.status": "body.order.status", "vars.code": "status"}. */
    save: z
      .record(
        z.string().regex(/^(attr|vars)\.[A-Za-z][A-Za-z0-9_]{0,59}$/, "save targets are attr.<name> or vars.<name>"),
        z.string().regex(/^(status|body)(\.[^.]+)*$/, "save sources are status, body or body.<path>"),
      )
      .optional(),
    next,
    on_error: next,
  }),
  z.strictObject({ type: z.literal("wait"), duration, next }),
  z.strictObject({
    type: z.literal("handover"),
    message: str(4096).optional(),
    team_id: z.string().max(100).optional(),
    note: str(2000).optional(),
  }),
  z.strictObject({
    type: z.literal("csat"),
    question: str(1024).optional(),
    thanks: str(1024).optional(),
    timeout: duration.optional(),
    next,
    on_timeout: next,
  }),
  z.strictObject({ type: z.literal("end"), message: str(4096).optional(), resolve: z.boolean().optional() }),
]);
export type FlowNode = z.infer<typeof node>;

const trigger = z.discriminatedUnion("type", [
  z.strictObject({ type: z.literal("first_message"), new_contacts_only: z.boolean().optional() }),
  z
    .strictObject({
      type: z.literal("keyword"),
      keywords: z.array(str(100)).min(1).max(50).optional(),
      match: z.enum(["exact", "contains"]).optional(),
      pattern: str(500).optional(),
    })
    .refine((t) => t.keywords || t.pattern, "a keyword trigger needs keywords or a pattern"),
  z.strictObject({ type: z.literal("outside_hours") }),
  z.strictObject({ type: z.literal("button"), payloads: z.array(str(256)).min(1).max(50) }),
  z.strictObject({
    type: z.literal("event"),
    event: z.string().regex(/^[A-Za-z0-9_.:-]{1,60}$/, "event names are 1–60 letters, digits, _ . : or -"),
  }),
  z.strictObject({
    type: z.literal("schedule"),
    cron: str(100),
    timezone: z.string().max(60).refine(isTimeZone, "an IANA time zone such as Europe/Warsaw").optional(),
    audience: segmentSchema.optional(),
  }),
  z.strictObject({ type: z.literal("conversation_resolved") }),
  z.strictObject({ type: z.literal("manual") }),
]);
export type FlowTrigger = z.infer<typeof trigger>;

const document = z.strictObject({
  openwaba_flow: z.literal(FLOW_FORMAT).default(FLOW_FORMAT),
  name: str(120),
  description: z.string().max(2000).optional(),
  trigger,
  settings: z
    .strictObject({
      /** How long an unanswered question waits before the run is closed as abandoned. */
      reply_timeout: duration.optional(),
      phone_number_ids: z.array(z.string().max(40)).max(50).optional(),
      handover_team_id: z.string().max(100).optional(),
    })
    .optional(),
  start: nodeId,
  nodes: z
    .record(nodeId, node)
    .refine((n) => Object.keys(n).length >= 1 && Object.keys(n).length <= 200, "a flow has 1–200 nodes"),
});
export type FlowDocument = z.infer<typeof document>;
/** The document's shape, as the flows API answers it (parseFlowDocument also checks the graph). */
export const flowDocumentSchema = document;

export interface DocumentProblem {
  path: string;
  message: string;
}
export type ParsedDocument =
  | { ok: true; document: FlowDocument; warnings: DocumentProblem[] }
  | { ok: false; errors: DocumentProblem[] };

/** The node ids a node may go to next. */
export function successors(n: FlowNode): string[] {
  const out: (string | undefined)[] = [];
  switch (n.type) {
    case "branch":
      out.push(...n.cases.map((c) => c.next), n.default);
      break;
    case "ask":
      out.push(n.next, n.on_invalid, n.on_timeout);
      break;
    case "http":
      out.push(n.next, n.on_error);
      break;
    case "csat":
      out.push(n.next, n.on_timeout);
      break;
    case "handover":
    case "end":
      break;
    default:
      out.push(n.next);
  }
  return out.filter((x): x is string => !!x);
}

/** Checks a flow document's shape and graph; warnings (unreachable nodes) do not stop it. */
export function parseFlowDocument(raw: unknown): ParsedDocument {
  const r = document.safeParse(raw);
  if (!r.success)
    return {
      ok: false,
      errors: r.error.issues.slice(0, 20).map((i) => ({ path: i.path.join("."), message: i.message })),
    };
  const doc = r.data;
  const errors: DocumentProblem[] = [];
  if (!doc.nodes[doc.start]) errors.push({ path: "start", message: `there is no node "${doc.start}"` });
  for (const [id, n] of Object.entries(doc.nodes)) {
    for (const to of successors(n))
      if (!doc.nodes[to]) errors.push({ path: `nodes.${id}`, message: `goes to "${to}", which is not a node` });
    if (n.type === "ask" && n.validate.type === "regex") {
      try {
        new RegExp(n.validate.pattern, n.validate.flags);
      } catch (e) {
        errors.push({
          path: `nodes.${id}.validate.pattern`,
          message: `not a regular expression: ${(e as Error).message}`,
        });
      }
    }
    if (n.type === "http" && !/^https?:\/\//i.test(n.url))
      errors.push({ path: `nodes.${id}.url`, message: "an http(s) URL (it may hold {{variables}})" });
    if (n.type === "http" && n.timeout && parseDuration(n.timeout)! > 30_000)
      errors.push({ path: `nodes.${id}.timeout`, message: "calls time out after at most 30s" });
  }
  if (doc.trigger.type === "keyword" && doc.trigger.pattern) {
    try {
      new RegExp(doc.trigger.pattern, "i");
    } catch (e) {
      errors.push({ path: "trigger.pattern", message: `not a regular expression: ${(e as Error).message}` });
    }
  }
  if (doc.trigger.type === "schedule") {
    try {
      new Cron(doc.trigger.cron, { timezone: doc.trigger.timezone, paused: true });
    } catch (e) {
      errors.push({ path: "trigger.cron", message: `not a cron expression: ${(e as Error).message}` });
    }
  }
  if (errors.length) return { ok: false, errors };
  // Nodes nothing leads to are kept (a draft may be half-wired) but reported.
  const seen = new Set<string>();
  const stack = [doc.start];
  while (stack.length) {
    const id = stack.pop()!;
    if (seen.has(id)) continue;
    seen.add(id);
    stack.push(...successors(doc.nodes[id]));
  }
  const warnings = Object.keys(doc.nodes)
    .filter((id) => !seen.has(id))
    .map((id) => ({ path: `nodes.${id}`, message: "no node leads here" }));
  return { ok: true, document: doc, warnings };
}
