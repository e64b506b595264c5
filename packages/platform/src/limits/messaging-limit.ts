import type { Db } from "@openwaba/store";
import type { PhoneNumber } from "../directory";
import type { Platform } from "../platform";
import {
  MESSAGING_WINDOW_MS,
  tierLimit,
  withinMessagingLimit,
  type MessagingLimitModel,
} from "../rules/messaging-limits";
import { scheduleTierReview } from "./tier-review";

/** The numbers that share a messaging limit: a portfolio's, or one number alone (per-number model). */
export interface LimitScope {
  model: MessagingLimitModel;
  id: string;
  businessId: string;
  tier: string;
  verified: boolean;
  reviewAt: number | null;
  phoneIds: string[];
}

export async function limitScope(
  platform: Platform,
  db: Db,
  phone: Pick<PhoneNumber, "id" | "waba_id">,
): Promise<LimitScope> {
  const business = await db
    .selectFrom("wabas")
    .innerJoin("businesses", "businesses.id", "wabas.business_id")
    .select(["businesses.id", "businesses.messaging_tier", "businesses.verified", "businesses.tier_review_at"])
    .where("wabas.id", "=", phone.waba_id)
    .executeTakeFirstOrThrow();
  const base = { businessId: business.id, verified: business.verified === 1 };
  if (platform.config.messagingLimitModel === "per_number") {
    const p = await db
      .selectFrom("phone_numbers")
      .select(["messaging_tier", "tier_review_at"])
      .where("id", "=", phone.id)
      .executeTakeFirstOrThrow();
    return {
      ...base,
      model: "per_number",
      id: phone.id,
      tier: p.messaging_tier,
      reviewAt: p.tier_review_at,
      phoneIds: [phone.id],
    };
  }
  const phones = await db
    .selectFrom("phone_numbers")
    .innerJoin("wabas", "wabas.id", "phone_numbers.waba_id")
    .select("phone_numbers.id")
    .where("wabas.business_id", "=", business.id)
    .execute();
  return {
    ...base,
    model: "portfolio",
    id: business.id,
    tier: business.messaging_tier,
    reviewAt: business.tier_review_at,
    phoneIds: phones.map((p) => p.id),
  };
}

/**
 * Unique users these numbers messaged outside a customer service window (business-initiated
 * templates that did not fail) since `since`; `deliveredOnly` counts only those that arrived.
 */
export async function usersOutsideWindow(
  db: Db,
  phoneIds: string[],
  since: number,
  o: { deliveredOnly?: boolean; waId?: string } = {},
): Promise<number> {
  let q = db
    .selectFrom("messages")
    .where("phone_number_id", "in", phoneIds)
    .where("direction", "=", "out")
    .where("type", "=", "template")
    .where("window_opened_at", "is", null)
    .where("created_at", ">", since);
  q = o.deliveredOnly ? q.where("status", "in", ["delivered", "read"]) : q.where("status", "!=", "failed");
  if (o.waId) q = q.where("wa_id", "=", o.waId);
  const r = await q.select((e) => e.fn.count<number>("wa_id").distinct().as("n")).executeTakeFirstOrThrow();
  return Number(r.n);
}

/** How much of its limit a scope has used in the rolling 24 hours. */
export async function limitUsage(
  db: Db,
  scope: LimitScope,
  now: number,
): Promise<{ used: number; limit: number; reached: boolean }> {
  const limit = tierLimit(scope.tier);
  if (limit === Infinity) return { used: 0, limit, reached: false };
  const used = await usersOutsideWindow(db, scope.phoneIds, now - MESSAGING_WINDOW_MS);
  return { used, limit, reached: used >= limit };
}

/**
 * A business-initiated message (a template outside an open window) to a user not yet counted in
 * the last 24 hours must fit the tier. Meta documents no code for going over; OpenWABA accepts
 * the message and fails it with its own code 139901 on the status webhook (README). Runs in the
 * transaction that stores the message, so concurrent sends cannot both take the last place. A
 * newly counted user also makes sure a review of the tier is due (automatic upgrades).
 */
export async function messagingLimitFailure(
  platform: Platform,
  tx: Db,
  phone: PhoneNumber,
  waId: string,
  now: number,
): Promise<{ code: number; details: string } | null> {
  const scope = await limitScope(platform, tx, phone);
  const since = now - MESSAGING_WINDOW_MS;
  if (await usersOutsideWindow(tx, scope.phoneIds, since, { waId })) return null;
  if (
    tierLimit(scope.tier) !== Infinity &&
    !withinMessagingLimit(scope.tier, await usersOutsideWindow(tx, scope.phoneIds, since), false)
  ) {
    return {
      code: 139901,
      details: `The messaging limit (${scope.tier}) of unique users messaged outside a customer service window in 24 hours is reached.`,
    };
  }
  await scheduleTierReview(platform, tx, scope, now);
  return null;
}
