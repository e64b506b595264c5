import type { Db } from "@openwaba/store";
import type { Platform } from "../platform";
import { MESSAGING_WINDOW_MS } from "../rules/messaging-limits";
import {
  FLAGGED_DOWNGRADE_MS,
  REVIEW_DELAY_MS,
  THROUGHPUT_MAINTENANCE_MS,
  maxPhoneNumbers,
  numericLimit,
  throughputUpgradeDue,
  tierDowngrade,
  tierUpgrade,
} from "../rules/tier-upgrade";
import { emitWabaEvent } from "../webhooks/events";
import { limitScope, usersOutsideWindow, type LimitScope } from "./messaging-limit";

const DAY = 24 * 3600_000;

/** Makes sure a review of the scope's tier is due (6 h for a portfolio, 24 h for a number), once. */
export async function scheduleTierReview(platform: Platform, tx: Db, scope: LimitScope, now: number): Promise<void> {
  if (scope.reviewAt !== null) return;
  const at = now + REVIEW_DELAY_MS[scope.model];
  if (scope.model === "portfolio")
    await tx.updateTable("businesses").set({ tier_review_at: at }).where("id", "=", scope.id).execute();
  else await tx.updateTable("phone_numbers").set({ tier_review_at: at }).where("id", "=", scope.id).execute();
  await platform.jobs.enqueue(
    tx,
    "quality.tier_review",
    { phoneNumberId: scope.phoneIds[0], scopeId: scope.id },
    { key: scope.id, runAt: at },
  );
}

/**
 * A due review: the tier moves up one step when Meta's conditions hold (announced with
 * `business_capability_update`, and `phone_number_quality_update` UPGRADE under the per-number
 * model), and numbers of an unlimited scope that reached 100K users in 24 h get 1,000 mps.
 */
export async function reviewTier(platform: Platform, tx: Db, phoneNumberId: string): Promise<void> {
  const phone = await tx
    .selectFrom("phone_numbers")
    .select(["id", "waba_id"])
    .where("id", "=", phoneNumberId)
    .executeTakeFirst();
  if (!phone) return;
  const now = platform.clock.now();
  const scope = await limitScope(platform, tx, phone);
  await setScope(tx, scope, { tier_review_at: null });
  const phones = await tx.selectFrom("phone_numbers").selectAll().where("id", "in", scope.phoneIds).execute();
  const up = tierUpgrade({
    model: scope.model,
    tier: scope.tier,
    verified: scope.verified,
    qualities: phones.map((p) => p.quality_rating),
    usersIn7Days: await usersOutsideWindow(tx, scope.phoneIds, now - 7 * DAY),
    scalingPathUsers: await usersOutsideWindow(tx, scope.phoneIds, now - 30 * DAY, {
      deliveredOnly: scope.model === "portfolio",
    }),
  });
  if (up) await changeTier(platform, tx, scope, up, "UPGRADE");
  const tier = up ?? scope.tier;
  for (const p of phones) {
    const due = throughputUpgradeDue({
      level: p.throughput_level,
      tier,
      quality: p.quality_rating,
      usersIn24Hours: await usersOutsideWindow(tx, [p.id], now - MESSAGING_WINDOW_MS),
    });
    if (!due) continue;
    // The upgrade costs the number about a minute of maintenance (131057).
    await tx
      .updateTable("phone_numbers")
      .set({ throughput_level: "HIGH", maintenance_until: now + THROUGHPUT_MAINTENANCE_MS })
      .where("id", "=", p.id)
      .execute();
    await emitWabaEvent(platform, tx, p.waba_id, "phone_number_quality_update", {
      display_phone_number: p.display_phone_number,
      event: "THROUGHPUT_UPGRADE",
      max_daily_conversations_per_business: tier,
    });
  }
}

/** Per-number model: a number RED since `flaggedAt` and still RED a week later drops one tier. */
export async function reviewFlag(platform: Platform, tx: Db, phoneNumberId: string, flaggedAt: number): Promise<void> {
  const p = await tx
    .selectFrom("phone_numbers")
    .select(["id", "waba_id", "flagged_at", "quality_rating"])
    .where("id", "=", phoneNumberId)
    .executeTakeFirst();
  if (
    !p ||
    p.flagged_at !== flaggedAt ||
    p.quality_rating !== "RED" ||
    platform.config.messagingLimitModel !== "per_number"
  )
    return;
  const scope = await limitScope(platform, tx, p);
  const down = tierDowngrade(scope.tier);
  if (down) await changeTier(platform, tx, scope, down, "DOWNGRADE");
  await markFlagged(platform, tx, p.id, platform.clock.now());
}

/** Per-number model: the week a RED number has before it loses a tier starts now. */
export async function markFlagged(platform: Platform, tx: Db, phoneNumberId: string, now: number): Promise<void> {
  await tx.updateTable("phone_numbers").set({ flagged_at: now }).where("id", "=", phoneNumberId).execute();
  await platform.jobs.enqueue(
    tx,
    "quality.flag_review",
    { phoneNumberId, flaggedAt: now },
    { key: phoneNumberId, runAt: now + FLAGGED_DOWNGRADE_MS },
  );
}

export async function changeTier(
  platform: Platform,
  tx: Db,
  scope: LimitScope,
  tier: string,
  event: "UPGRADE" | "DOWNGRADE",
): Promise<void> {
  await setScope(tx, scope, { messaging_tier: tier });
  const maxNumbers = maxPhoneNumbers(scope.verified, tier);
  const wabas = await tx.selectFrom("wabas").select("id").where("business_id", "=", scope.businessId).execute();
  if (scope.model === "portfolio") {
    for (const w of wabas)
      await emitWabaEvent(platform, tx, w.id, "business_capability_update", {
        max_daily_conversations_per_business: tier,
        max_phone_numbers_per_business: maxNumbers,
      });
    return;
  }
  const p = await tx
    .selectFrom("phone_numbers")
    .select(["waba_id", "display_phone_number"])
    .where("id", "=", scope.id)
    .executeTakeFirstOrThrow();
  await emitWabaEvent(platform, tx, p.waba_id, "phone_number_quality_update", {
    display_phone_number: p.display_phone_number,
    event,
    current_limit: tier,
    old_limit: scope.tier,
  });
  await emitWabaEvent(platform, tx, p.waba_id, "business_capability_update", {
    max_daily_conversation_per_phone: numericLimit(tier),
    max_phone_numbers_per_business: maxNumbers,
  });
}

function setScope(tx: Db, scope: LimitScope, set: { tier_review_at?: null; messaging_tier?: string }) {
  return scope.model === "portfolio"
    ? tx.updateTable("businesses").set(set).where("id", "=", scope.id).execute()
    : tx.updateTable("phone_numbers").set(set).where("id", "=", scope.id).execute();
}
