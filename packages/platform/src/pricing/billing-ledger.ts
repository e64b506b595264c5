import type { Db } from "@openwaba/store";
import type { Platform } from "../platform";
import type { Pricing } from "../rules/pricing";
import { priceMessage } from "./rate-card";

/** Records the charge for a message, once (a later status for it charges nothing more). */
export async function chargeMessage(platform: Platform, tx: Db, m: { id: string; phone_number_id: string; wa_id: string }, pricing: Pricing, now: number): Promise<void> {
  const phone = await platform.directory.phoneNumber(m.phone_number_id, tx);
  if (!phone) return;
  const price = priceMessage(platform.rateCard, m.wa_id, pricing.category);
  await tx.insertInto("billing_ledger").values({
    message_id: m.id, waba_id: phone.waba_id, phone_number_id: m.phone_number_id, wa_id: m.wa_id, country: price.country,
    category: pricing.category, pricing_type: pricing.type, amount_micros: price.amountMicros, currency: price.currency, at: now,
  }).onConflict((c) => c.column("message_id").doNothing()).execute();
}

/** Totals of a WABA's charges in [since, until), by category and by country. */
export async function billingSummary(db: Db, wabaId: string, since: number, until: number) {
  const rows = await db.selectFrom("billing_ledger").select(["category", "country", "amount_micros", "currency"])
    .where("waba_id", "=", wabaId).where("at", ">=", since).where("at", "<", until).execute();
  const add = (o: Record<string, number>, k: string, v: number) => { o[k] = (o[k] ?? 0) + v; };
  const byCategory: Record<string, number> = {}, byCountry: Record<string, number> = {};
  let total = 0;
  for (const r of rows) { const a = Number(r.amount_micros); total += a; add(byCategory, r.category, a); add(byCountry, r.country, a); }
  const money = (micros: number) => (micros / 1_000_000).toFixed(6);
  const map = (o: Record<string, number>) => Object.fromEntries(Object.entries(o).map(([k, v]) => [k, money(v)]));
  return { currency: rows[0]?.currency ?? null, messages: rows.length, total: money(total), by_category: map(byCategory), by_country: map(byCountry) };
}
