import type { Db } from "@openwaba/store";
import type { Platform } from "../platform";
import type { Price } from "./rate-card";

export interface Charge {
  messageId: string;
  phoneNumberId: string;
  waId: string;
  category: string;
  pricingType: string;
  pricingModel: "PMP" | "CBP";
  conversationId?: string | null;
  price: Price;
}

/** Records a charge: per message (a later status for it charges nothing more) or per conversation. */
export async function recordCharge(platform: Platform, tx: Db, c: Charge, now: number): Promise<void> {
  const phone = await platform.directory.phoneNumber(c.phoneNumberId, tx);
  if (!phone) return;
  await tx
    .insertInto("billing_ledger")
    .values({
      message_id: c.messageId,
      waba_id: phone.waba_id,
      phone_number_id: c.phoneNumberId,
      wa_id: c.waId,
      country: c.price.country,
      category: c.category,
      pricing_type: c.pricingType,
      amount_micros: c.price.amountMicros,
      currency: c.price.currency,
      at: now,
      pricing_model: c.pricingModel,
      conversation_id: c.conversationId ?? null,
    })
    .onConflict((x) => x.column("message_id").doNothing())
    .execute();
}

/** Totals of a WABA's charges in [since, until), by category and by country. */
export async function billingSummary(db: Db, wabaId: string, since: number, until: number) {
  const rows = await db
    .selectFrom("billing_ledger")
    .select(["category", "country", "amount_micros", "currency", "pricing_model"])
    .where("waba_id", "=", wabaId)
    .where("at", ">=", since)
    .where("at", "<", until)
    .execute();
  const add = (o: Record<string, number>, k: string, v: number) => {
    o[k] = (o[k] ?? 0) + v;
  };
  const byCategory: Record<string, number> = {},
    byCountry: Record<string, number> = {},
    byModel: Record<string, number> = {};
  let total = 0;
  for (const r of rows) {
    const a = Number(r.amount_micros);
    total += a;
    add(byCategory, r.category, a);
    add(byCountry, r.country, a);
    add(byModel, r.pricing_model, a);
  }
  const money = (micros: number) => (micros / 1_000_000).toFixed(6);
  const map = (o: Record<string, number>) => Object.fromEntries(Object.entries(o).map(([k, v]) => [k, money(v)]));
  return {
    currency: rows[0]?.currency ?? null,
    charges: rows.length,
    total: money(total),
    by_category: map(byCategory),
    by_country: map(byCountry),
    by_pricing_model: map(byModel),
  };
}
