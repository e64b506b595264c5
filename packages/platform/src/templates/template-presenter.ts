import { GraphError } from "@openwaba/contracts";
import { fromJson, type Template } from "@openwaba/store";

// How Graph shows a template: its default fields, or those asked for with ?fields=.
const FIELDS: Record<string, (t: Template) => unknown> = {
  id: (t) => t.id,
  name: (t) => t.name,
  language: (t) => t.language,
  status: (t) => t.status,
  category: (t) => t.category,
  parameter_format: (t) => t.parameter_format.toUpperCase(),
  components: (t) => fromJson(t.components, []),
  rejected_reason: (t) => t.rejected_reason ?? "NONE",
  quality_score: (t) => ({ score: t.quality_score, date: Math.floor(t.updated_at / 1000) }),
  message_send_ttl_seconds: (t) => t.message_send_ttl_seconds ?? undefined,
  // OpenWABA's own field: which review rule decided, and why (docs/template-review.md).
  review: (t) => (t.review_rule ? { rule: t.review_rule, note: t.review_note ?? undefined } : undefined),
};
const DEFAULT = ["name", "parameter_format", "components", "language", "status", "category", "id"];

export function presentTemplate(t: Template, fields?: string): Record<string, unknown> {
  const wanted = fields
    ? [
        ...fields
          .split(",")
          .map((f) => f.trim())
          .filter(Boolean),
      ]
    : DEFAULT;
  for (const f of wanted) {
    if (!(f in FIELDS))
      throw new GraphError(100, undefined, {
        message: `(#100) Tried accessing nonexisting field (${f}) on node type (WhatsAppBusinessHSM)`,
      });
  }
  if (!wanted.includes("id")) wanted.push("id");
  const out: Record<string, unknown> = {};
  for (const f of wanted) {
    const v = FIELDS[f](t);
    if (v !== undefined) out[f] = v;
  }
  return out;
}
