import type { Db } from "@openwaba/store";
import type { PhoneNumber } from "../directory";
import type { Platform } from "../platform";
import { MESSAGING_WINDOW_MS, withinMessagingLimit } from "../rules/messaging-limits";

/** The numbers that share a messaging limit with this one: its portfolio's, or itself alone. */
async function limitScope(platform: Platform, db: Db, phone: PhoneNumber): Promise<{ tier: string; phoneIds: string[] }> {
  if (platform.config.messagingLimitModel === "per_number") return { tier: phone.messaging_tier, phoneIds: [phone.id] };
  const business = await db.selectFrom("wabas").innerJoin("businesses", "businesses.id", "wabas.business_id")
    .select(["businesses.id", "businesses.messaging_tier"]).where("wabas.id", "=", phone.waba_id).executeTakeFirstOrThrow();
  const phones = await db.selectFrom("phone_numbers").innerJoin("wabas", "wabas.id", "phone_numbers.waba_id")
    .select("phone_numbers.id").where("wabas.business_id", "=", business.id).execute();
  return { tier: business.messaging_tier, phoneIds: phones.map((p) => p.id) };
}

/**
 * A business-initiated message (a template outside an open window) to a user not yet counted in
 * the last 24 hours must fit the tier. Meta documents no code for going over; OpenWABA accepts
 * the message and fails it with its own code 139901 on the status webhook (README). Runs in the
 * transaction that stores the message, so concurrent sends cannot both take the last place.
 */
export async function messagingLimitFailure(platform: Platform, tx: Db, phone: PhoneNumber, waId: string, now: number): Promise<{ code: number; details: string } | null> {
  const { tier, phoneIds } = await limitScope(platform, tx, phone);
  const since = now - MESSAGING_WINDOW_MS;
  const base = tx.selectFrom("messages").where("phone_number_id", "in", phoneIds).where("direction", "=", "out")
    .where("type", "=", "template").where("window_opened_at", "is", null).where("status", "!=", "failed").where("created_at", ">", since);
  const counted = await base.select("id").where("wa_id", "=", waId).limit(1).executeTakeFirst();
  if (counted) return null;
  const used = await base.select((e) => e.fn.count<number>("wa_id").distinct().as("n")).executeTakeFirstOrThrow();
  if (withinMessagingLimit(tier, Number(used.n), false)) return null;
  return { code: 139901, details: `The messaging limit (${tier}) of unique users messaged outside a customer service window in 24 hours is reached.` };
}
