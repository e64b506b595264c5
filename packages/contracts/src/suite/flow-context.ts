// What a flow's texts, conditions and calls can refer to: the contact (and its attributes), the
// run's own variables, the last reply, the event that started the run, the last HTTP answer.
// Texts hold {{path}} or {{path|fallback}}. Pure.

export interface FlowContext {
  contact: {
    name: string;
    wa_id: string;
    phone: string;
    language: string | null;
    timezone: string | null;
    tags: string[];
  };
  attr: Record<string, string>;
  vars: Record<string, unknown>;
  /** The last answer: what was said or tapped, and the value a question stored. */
  reply: { text: string; id: string | null; type: string; value?: string } | null;
  event: Record<string, unknown>;
  http: { status: number; body: unknown } | null;
  now: string;
}

/** A contact as the store keeps it (tags and attributes are JSON text). */
export interface StoredContact {
  name: string;
  timezone: string | null;
  tags: string;
  attributes: string;
}

/** The context of a customer: their contact (if any), plus what a run has gathered. */
export function contextFor(
  k: StoredContact | undefined,
  o: {
    waId: string;
    name: string;
    language: string | null;
    now: number;
    run?: Pick<FlowContext, "vars" | "reply" | "event" | "http">;
  },
): FlowContext {
  return {
    contact: {
      name: k?.name ?? o.name,
      wa_id: o.waId,
      phone: `+${o.waId}`,
      language: o.language,
      timezone: k?.timezone ?? null,
      tags: k ? JSON.parse(k.tags) : [],
    },
    attr: k ? JSON.parse(k.attributes) : {},
    vars: o.run?.vars ?? {},
    reply: o.run?.reply ?? null,
    event: o.run?.event ?? {},
    http: o.run?.http ?? null,
    now: new Date(o.now).toISOString(),
  };
}

/** The value at a dotted path ("attr.order", "http.body.items.0.name"), or undefined. */
export function resolvePath(ctx: unknown, path: string): unknown {
  let v: unknown = ctx;
  for (const part of path.split(".")) {
    if (v === null || v === undefined || typeof v !== "object") return undefined;
    v = (v as Record<string, unknown>)[part];
  }
  return v;
}

const asText = (v: unknown): string =>
  v === undefined || v === null ? "" : typeof v === "object" ? JSON.stringify(v) : String(v);

/** Fills {{path}} and {{path|fallback}} placeholders; what is missing becomes the fallback or nothing. */
export function fillTemplate(text: string, ctx: FlowContext, escapeValue: (s: string) => string = (s) => s): string {
  return text.replace(/\{\{\s*([A-Za-z0-9_.-]+)\s*(?:\|([^}]*))?\}\}/g, (_m, path: string, fallback?: string) => {
    const v = resolvePath(ctx, path);
    const s = asText(v);
    return escapeValue(s === "" && fallback !== undefined ? fallback.trim() : s);
  });
}

/** Fills placeholders in every string of a JSON value (a request body, template components). */
export function fillDeep<T>(value: T, ctx: FlowContext): T {
  if (typeof value === "string") return fillTemplate(value, ctx) as T;
  if (Array.isArray(value)) return value.map((v) => fillDeep(v, ctx)) as T;
  if (value && typeof value === "object")
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, fillDeep(v, ctx)])) as T;
  return value;
}
