import type {
  Condition,
  FlowDocument,
  FlowNode,
  FlowTrigger,
  MessageSpec,
  Validation,
} from "@openwaba/contracts/suite";

// A flow document in plain words, for a supervisor who does not read JSON: the trigger as a
// sentence, each node as a card (what it says or asks, where it goes next), in the order a
// customer meets them. Pure; the document may be a half-edited draft, so every part is optional.

/** Where a node may go: to another node, or to an ending said in words. */
export interface Exit {
  label: string;
  to?: string;
  end?: string;
}
export interface NodeCard {
  id: string;
  type: FlowNode["type"];
  lines: string[];
  exits: Exit[];
  start: boolean;
  reachable: boolean;
}
export interface Outline {
  trigger: string;
  settings: string[];
  cards: NodeCard[];
}

type TeamName = (id: string) => string;

/** A trigger's type in a word or two, for lists. */
export const TRIGGER_LABEL: Record<FlowTrigger["type"], string> = {
  first_message: "first message",
  keyword: "keyword",
  outside_hours: "outside hours",
  button: "button",
  event: "event",
  schedule: "schedule",
  conversation_resolved: "conversation resolved",
  manual: "manual",
};

const q = (s: unknown) => `“${String(s)}”`;
const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** "a", "a or b", "a, b or c" (each quoted). */
export function alternatives(items: string[] | undefined, joiner = "or"): string {
  const xs = (items ?? []).map(q);
  return xs.length <= 1 ? (xs[0] ?? "") : `${xs.slice(0, -1).join(", ")} ${joiner} ${xs[xs.length - 1]}`;
}

export function triggerWords(t: FlowTrigger | undefined): string {
  switch (t?.type) {
    case "first_message":
      return `When a customer starts a new conversation${t.new_contacts_only ? " (only customers new to the business)" : ""}`;
    case "keyword": {
      const said = t.keywords?.length
        ? `${t.match === "contains" ? "contains" : "is exactly"} ${alternatives(t.keywords)}`
        : "";
      const pattern = t.pattern ? `matches the pattern /${t.pattern}/` : "";
      return `When a customer's message ${[said, pattern].filter(Boolean).join(" or ")}`;
    }
    case "outside_hours":
      return "When a new conversation starts outside business hours";
    case "button":
      return `When a customer taps a button with the payload ${alternatives(t.payloads)}`;
    case "event":
      return `When your system reports the event ${q(t.event)} (POST /suite/api/flows/events with an API key)`;
    case "schedule":
      return `On the schedule ${q(t.cron)}${t.timezone ? ` (${t.timezone})` : ""}, for ${audienceWords(t.audience)}`;
    case "conversation_resolved":
      return "When an agent resolves a conversation";
    case "manual":
      return "When an agent starts it from a conversation in the inbox";
    default:
      return "No trigger yet";
  }
}

function audienceWords(a: Extract<FlowTrigger, { type: "schedule" }>["audience"]): string {
  if (!a) return "contacts who gave marketing consent";
  const consent = {
    granted: "with marketing consent",
    revoked: "who withdrew marketing consent",
    none: "never asked for marketing consent",
  };
  const parts = [
    a.tag && `tagged ${q(a.tag)}`,
    a.consent && consent[a.consent],
    ...Object.entries(a.attributes ?? {}).map(([k, v]) => `with ${k} ${q(v)}`),
    a.active_since_days && `active in the last ${plural(a.active_since_days, "day")}`,
    a.active_since && `active since ${new Date(a.active_since).toLocaleString()}`,
    a.q && `matching ${q(a.q)}`,
  ].filter(Boolean);
  return parts.length ? `contacts ${parts.join(", ")}` : "every contact";
}

export function messageWords(m: MessageSpec | undefined): string {
  if (!m) return "nothing yet";
  if ("text" in m) return q(m.text);
  if ("buttons" in m)
    return `${q(m.buttons.body)} with the buttons ${alternatives(
      m.buttons.options?.map((o) => o.title),
      "and",
    )}`;
  if ("list" in m)
    return `${q(m.list.body)} with a list (${m.list.button}): ${alternatives(
      m.list.sections?.flatMap((s) => s.rows.map((r) => r.title)),
      "and",
    )}`;
  if ("template" in m) return `the template ${m.template.name} (${m.template.language})`;
  const [kind, media] = Object.entries(m)[0] as [string, { caption?: string; filename?: string }];
  return `${kind === "image" ? "an image" : kind === "audio" ? "an audio message" : `a ${kind}`}${media?.filename ? ` ${q(media.filename)}` : ""}${media?.caption ? ` captioned ${q(media.caption)}` : ""}`;
}

export function validationWords(v: Validation | undefined): string {
  switch (v?.type) {
    case "text":
      return v.min_length !== undefined || v.max_length !== undefined
        ? `a text of ${v.min_length ?? 0}–${v.max_length ?? 4096} characters`
        : "any text";
    case "choice":
      return `one of ${alternatives(v.options?.map((o) => o.title))}${v.display === "text" ? " (as a numbered list)" : ""}`;
    case "number": {
      const what = v.integer ? "a whole number" : "a number";
      if (v.min !== undefined && v.max !== undefined) return `${what} from ${v.min} to ${v.max}`;
      return v.min !== undefined
        ? `${what} of at least ${v.min}`
        : v.max !== undefined
          ? `${what} of at most ${v.max}`
          : what;
    }
    case "date":
      return `a date${v.not_before ? ` not before ${v.not_before}` : ""}${v.not_after ? ` not after ${v.not_after}` : ""}`;
    case "email":
      return "an e-mail address";
    case "phone":
      return `a phone number${v.default_country ? ` (${v.default_country} without a country code)` : ""}`;
    case "regex":
      return `an answer matching /${v.pattern}/${v.flags ?? ""}`;
    case "any":
      return "any answer";
    default:
      return "an answer";
  }
}

const OPS: Record<string, string> = {
  eq: "is",
  neq: "is not",
  contains: "contains",
  starts_with: "starts with",
  gt: "is more than",
  gte: "is at least",
  lt: "is less than",
  lte: "is at most",
  exists: "is set",
  not_exists: "is not set",
  matches: "matches",
  in: "is one of",
};

export function conditionWords(c: Condition | undefined): string {
  if (!c) return "…";
  const group = (x: Condition) => ("all" in x || "any" in x ? `(${conditionWords(x)})` : conditionWords(x));
  if ("all" in c) return c.all.map(group).join(" and ");
  if ("any" in c) return c.any.map(group).join(" or ");
  if ("not" in c) return `not ${group(c.not)}`;
  const value =
    c.op === "exists" || c.op === "not_exists"
      ? ""
      : c.op === "in" && Array.isArray(c.value)
        ? ` ${alternatives(c.value.map(String))}`
        : c.op === "matches"
          ? ` /${String(c.value)}/`
          : typeof c.value === "string"
            ? ` ${q(c.value)}`
            : ` ${JSON.stringify(c.value)}`;
  return `${c.var} ${OPS[c.op] ?? c.op}${value}`;
}

const FLOW_ENDS = "the flow ends (the bot closes the conversation unless a person has it)";
const then = (to: string | undefined, end = FLOW_ENDS): Exit => ({ label: "then", ...(to ? { to } : { end }) });

function card(n: FlowNode, teamName: TeamName, defaultTeam: string | undefined): Pick<NodeCard, "lines" | "exits"> {
  const fallback = (t: { name: string; language: string } | undefined) =>
    t ? [`Outside the 24-hour window: the template ${t.name} (${t.language})`] : [];
  switch (n.type) {
    case "send":
      return { lines: [`Sends ${messageWords(n.message)}`, ...fallback(n.template)], exits: [then(n.next)] };
    case "ask":
      return {
        lines: [
          `Asks ${messageWords(n.prompt)}`,
          `Expects ${validationWords(n.validate)}`,
          ...(n.save_as ? [`Keeps the answer as the contact's ${q(n.save_as)}`] : []),
          `A wrong answer: ${n.reprompt ? `says ${q(n.reprompt)} and asks again` : "asks again"}, ${plural(n.max_attempts ?? 3, "try", "tries")} in all`,
          ...(n.timeout ? [`Waits ${n.timeout} for an answer`] : []),
          ...fallback(n.template),
        ],
        exits: [
          then(n.next),
          {
            label: "after the last wrong answer",
            ...(n.on_invalid ? { to: n.on_invalid } : { end: "a person takes over" }),
          },
          {
            label: "no answer in time",
            ...(n.on_timeout ? { to: n.on_timeout } : { end: "the run ends; the conversation stays as it is" }),
          },
        ],
      };
    case "branch":
      return {
        lines: [`Decides by ${plural(n.cases?.length ?? 0, "case")}, the first that holds`],
        exits: [
          ...(n.cases ?? []).map((c) => ({ label: `if ${conditionWords(c.when)}`, to: c.next })),
          { label: "otherwise", ...(n.default ? { to: n.default } : { end: FLOW_ENDS }) },
        ],
      };
    case "set":
      return {
        lines: [
          ...Object.entries(n.attributes ?? {}).map(([k, v]) =>
            v === null ? `Clears the contact's ${q(k)}` : `Sets the contact's ${q(k)} to ${q(v)}`,
          ),
          ...Object.entries(n.vars ?? {}).map(([k, v]) => `Sets the variable ${q(k)} to ${q(v)}`),
          ...(n.tags?.add?.length ? [`Tags the contact ${alternatives(n.tags.add, "and")}`] : []),
          ...(n.tags?.remove?.length ? [`Removes the tags ${alternatives(n.tags.remove, "and")}`] : []),
        ],
        exits: [then(n.next)],
      };
    case "http":
      return {
        lines: [
          `Calls your system: ${n.method ?? "GET"} ${n.url}`,
          ...(n.headers && Object.keys(n.headers).length
            ? [`With the headers ${Object.keys(n.headers).join(", ")}`]
            : []),
          ...(n.body !== undefined ? ["Sends a body (JSON)"] : []),
          `Waits at most ${n.timeout ?? "5s"} for an answer${n.retries ? `, tries ${plural(n.retries, "more time")}` : ""}`,
          ...Object.entries(n.save ?? {}).map(([to, from]) => `Keeps ${from} of the answer as ${to}`),
        ],
        exits: [
          then(n.next),
          { label: "if the call fails", ...(n.on_error ? { to: n.on_error } : { end: "a person takes over" }) },
        ],
      };
    case "wait":
      return { lines: [`Waits ${n.duration}`], exits: [then(n.next)] };
    case "handover": {
      const team = n.team_id ?? defaultTeam;
      return {
        lines: [
          `Hands the conversation to ${team ? `the team ${q(teamName(team))}` : "a person (by the routing rules)"}`,
          n.message ? `Says ${q(n.message)}` : "Says a colleague will answer (in the customer's language)",
          ...(n.note ? [`Leaves an internal note: ${q(n.note)}`] : []),
        ],
        exits: [],
      };
    }
    case "csat":
      return {
        lines: [
          `Asks for a rating from 1 to 5${n.question ? `: ${q(n.question)}` : " (in the customer's language)"}`,
          n.thanks ? `Then says ${q(n.thanks)}` : "Then thanks the customer",
          ...(n.timeout ? [`Waits ${n.timeout} for the rating`] : []),
        ],
        exits: [
          then(n.next),
          { label: "no rating in time", ...(n.on_timeout ? { to: n.on_timeout } : { end: "the run ends" }) },
        ],
      };
    case "end":
      return {
        lines: [
          ...(n.message ? [`Says ${q(n.message)}`] : []),
          n.resolve === false
            ? "Ends the flow; the conversation stays open"
            : "Ends the flow and closes the conversation (unless a person has it)",
        ],
        exits: [],
      };
    default:
      return { lines: [`Unknown step type ${q((n as { type?: unknown }).type)}`], exits: [] };
  }
}

function settingsWords(doc: FlowDocument, teamName: TeamName): string[] {
  const s = doc.settings;
  return [
    `Unanswered questions close after ${s?.reply_timeout ?? "24h"}`,
    ...(s?.phone_number_ids?.length ? [`Only on the numbers ${s.phone_number_ids.join(", ")}`] : []),
    ...(s?.handover_team_id
      ? [`Hands over to the team ${q(teamName(s.handover_team_id))} unless a step says otherwise`]
      : []),
  ];
}

/** One half-written step must not hide the others: it shows as not readable yet. */
function readable(make: () => Pick<NodeCard, "lines" | "exits">): Pick<NodeCard, "lines" | "exits"> {
  try {
    return make();
  } catch {
    return { lines: ["This step cannot be read yet"], exits: [] };
  }
}

/** The outline of a document, cards in the order a customer meets them (each path followed to its end first); unreachable nodes last. */
export function outlineOf(doc: FlowDocument, teamName: TeamName = (id) => id): Outline {
  const nodes = doc.nodes ?? {};
  const cards = new Map<string, NodeCard>();
  for (const [id, n] of Object.entries(nodes)) {
    cards.set(id, {
      id,
      type: n?.type,
      ...readable(() => card(n, teamName, doc.settings?.handover_team_id)),
      start: id === doc.start,
      reachable: false,
    });
  }
  const order: string[] = [];
  const stack = cards.has(doc.start) ? [doc.start] : [];
  while (stack.length) {
    const id = stack.pop()!;
    const c = cards.get(id);
    if (!c || c.reachable) continue;
    c.reachable = true;
    order.push(id);
    stack.push(...c.exits.flatMap((e) => (e.to ? [e.to] : [])).reverse());
  }
  const rest = [...cards.keys()].filter((id) => !cards.get(id)!.reachable);
  return {
    trigger: triggerWords(doc.trigger),
    settings: settingsWords(doc, teamName),
    cards: [...order, ...rest].map((id) => cards.get(id)!),
  };
}
