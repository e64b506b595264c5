import { GraphError, countryOf } from "@openwaba/contracts";
import { fromJson, type Db } from "@openwaba/store";
import { pricingFor } from "../rules/pricing";
import { buckets, granularityOf } from "./buckets";
import type { FieldExpression } from "./field-expression";

// GET /{waba-id}?fields=analytics…, pricing_analytics…, template_analytics… (cloud-api-reference.md
// §9), computed from the message history and the billing ledger.

const secondsArg = (e: FieldExpression, key: "start" | "end") => {
  const v = e.args[key];
  if (typeof v !== "number") throw new GraphError(100, `Param ${key} of ${e.name} is required (Unix seconds).`);
  return v;
};
const list = (v: unknown): unknown[] | null => (Array.isArray(v) && v.length ? v : null);

async function outbound(db: Db, wabaId: string, start: number, end: number) {
  return db
    .selectFrom("messages")
    .innerJoin("phone_numbers", "phone_numbers.id", "messages.phone_number_id")
    .leftJoin("billing_ledger", "billing_ledger.message_id", "messages.id")
    .leftJoin("conversations", "conversations.id", "messages.conversation_id")
    .select([
      "messages.id",
      "messages.wa_id",
      "messages.type",
      "messages.status",
      "messages.content",
      "messages.created_at",
      "messages.pricing_category",
      "messages.window_opened_at",
      "messages.free_entry_until",
      "messages.conversation_id",
      "conversations.category as conversation_category",
      "phone_numbers.display_phone_number",
      "billing_ledger.amount_micros",
    ])
    .where("phone_numbers.waba_id", "=", wabaId)
    .where("messages.direction", "=", "out")
    .where("messages.created_at", ">=", start * 1000)
    .where("messages.created_at", "<", end * 1000)
    .execute();
}
type Row = Awaited<ReturnType<typeof outbound>>[number];
const reached = (r: Row) => r.status === "delivered" || r.status === "read";
const inBucket = (r: Row, b: { start: number; end: number }) =>
  r.created_at >= b.start * 1000 && r.created_at < b.end * 1000;

export async function messagingAnalytics(db: Db, wabaId: string, e: FieldExpression) {
  const start = secondsArg(e, "start"),
    end = secondsArg(e, "end"),
    granularity = granularityOf(e.args.granularity);
  const phones = list(e.args.phone_numbers)?.map(String);
  const countries = list(e.args.country_codes)?.map(String);
  const products = list(e.args.product_types)?.map(Number); // 0 template, 2 other
  const rows = (await outbound(db, wabaId, start, end)).filter(
    (r) =>
      r.status !== "failed" &&
      (!phones || phones.includes(r.display_phone_number)) &&
      (!countries || countries.includes(countryOf(r.wa_id).country)) &&
      (!products || products.includes(r.type === "template" ? 0 : 2)),
  );
  return {
    phone_numbers: phones ?? [...new Set(rows.map((r) => r.display_phone_number))],
    ...(countries ? { country_codes: countries } : {}),
    granularity,
    data_points: buckets(start, end, granularity).map((b) => {
      const inside = rows.filter((r) => inBucket(r, b));
      return { start: b.start, end: b.end, sent: inside.length, delivered: inside.filter(reached).length };
    }),
  };
}

export async function pricingAnalytics(db: Db, wabaId: string, e: FieldExpression) {
  const start = secondsArg(e, "start"),
    end = secondsArg(e, "end"),
    granularity = granularityOf(e.args.granularity);
  const dims = (list(e.args.dimensions) ?? []).map((d) => String(d).toUpperCase());
  // The per-message model's view: messages priced per conversation are left to conversation_analytics.
  const rows = (await outbound(db, wabaId, start, end)).filter((r) => reached(r) && r.conversation_id === null);
  const points: Record<string, unknown>[] = [];
  for (const b of buckets(start, end, granularity)) {
    const groups = new Map<string, { point: Record<string, unknown>; volume: number; cost: number }>();
    for (const r of rows.filter((x) => inBucket(x, b))) {
      const pricing = pricingFor(
        r.pricing_category ?? "service",
        r.window_opened_at !== null,
        r.free_entry_until !== null,
      );
      const point: Record<string, unknown> = { start: b.start, end: b.end };
      if (dims.includes("COUNTRY")) point.country = countryOf(r.wa_id).country;
      if (dims.includes("PHONE")) point.phone_number = r.display_phone_number;
      if (dims.includes("PRICING_CATEGORY")) point.pricing_category = pricing.category.toUpperCase();
      if (dims.includes("PRICING_TYPE")) point.pricing_type = (pricing.type ?? "regular").toUpperCase();
      const key = JSON.stringify(point);
      const g = groups.get(key) ?? { point, volume: 0, cost: 0 };
      g.volume++;
      g.cost += Number(r.amount_micros ?? 0);
      groups.set(key, g);
    }
    for (const g of groups.values())
      points.push({ ...g.point, volume: g.volume, cost: Number((g.cost / 1_000_000).toFixed(6)) });
  }
  return { data: [{ data_points: points }] };
}

export async function templateAnalytics(db: Db, wabaId: string, e: FieldExpression) {
  const start = secondsArg(e, "start"),
    end = secondsArg(e, "end"),
    granularity = granularityOf(e.args.granularity ?? "DAY");
  const ids = list(e.args.template_ids)?.map(String);
  if (!ids) throw new GraphError(100, "Param template_ids of template_analytics is required (at most 10).");
  if (ids.length > 10) throw new GraphError(100, "Param template_ids of template_analytics takes at most 10 ids.");
  const templates = await db
    .selectFrom("templates")
    .select(["id", "name", "language"])
    .where("waba_id", "=", wabaId)
    .where("id", "in", ids)
    .execute();
  const byKey = new Map(templates.map((t) => [`${t.name}|${t.language}`, t.id]));
  const rows = (await outbound(db, wabaId, start, end)).filter((r) => r.type === "template" && r.status !== "failed");
  const points: Record<string, unknown>[] = [];
  for (const t of templates) {
    const mine = rows.filter((r) => {
      const c = fromJson<any>(r.content, {});
      return byKey.get(`${c.name}|${c.language?.code}`) === t.id;
    });
    for (const b of buckets(start, end, granularity)) {
      const inside = mine.filter((r) => inBucket(r, b));
      const cost = inside.reduce((s, r) => s + Number(r.amount_micros ?? 0), 0);
      points.push({
        template_id: t.id,
        start: b.start,
        end: b.end,
        sent: inside.length,
        delivered: inside.filter(reached).length,
        read: inside.filter((r) => r.status === "read").length,
        cost: [{ type: "amount_spent", value: Number((cost / 1_000_000).toFixed(6)) }],
      });
    }
  }
  return { data: [{ granularity, data_points: points }] };
}

/** conversation_analytics (the conversation-based era's view): conversations as the status webhooks number them. */
export async function conversationAnalytics(db: Db, wabaId: string, e: FieldExpression) {
  const start = secondsArg(e, "start"),
    end = secondsArg(e, "end"),
    granularity = granularityOf(e.args.granularity);
  const dims = (list(e.args.dimensions) ?? []).map((d) => String(d).toUpperCase());
  const rows = (await outbound(db, wabaId, start, end)).filter(reached);
  const points: Record<string, unknown>[] = [];
  for (const b of buckets(start, end, granularity)) {
    const groups = new Map<string, { point: Record<string, unknown>; conversations: Set<string>; cost: number }>();
    for (const r of rows.filter((x) => inBucket(x, b))) {
      const category = (r.conversation_category ?? r.pricing_category ?? "service").toUpperCase();
      const point: Record<string, unknown> = { start: b.start, end: b.end };
      if (dims.includes("CONVERSATION_CATEGORY")) point.conversation_category = category;
      if (dims.includes("CONVERSATION_TYPE"))
        point.conversation_type =
          category === "REFERRAL_CONVERSION" || r.free_entry_until !== null ? "FREE_ENTRY_POINT" : "REGULAR";
      if (dims.includes("COUNTRY")) point.country = countryOf(r.wa_id).country;
      if (dims.includes("PHONE")) point.phone_number = r.display_phone_number;
      const key = JSON.stringify(point);
      const g = groups.get(key) ?? { point, conversations: new Set(), cost: 0 };
      // Conversation-based messages name their conversation; per-message ones are numbered by window.
      g.conversations.add(r.conversation_id ?? `${r.wa_id}|${category}|${r.window_opened_at ?? r.created_at}`);
      g.cost += Number(r.amount_micros ?? 0);
      groups.set(key, g);
    }
    for (const g of groups.values())
      points.push({ ...g.point, conversation: g.conversations.size, cost: Number((g.cost / 1_000_000).toFixed(6)) });
  }
  return { data: [{ data_points: points }] };
}
