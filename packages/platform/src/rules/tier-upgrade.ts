import type { MessagingLimitModel } from "./messaging-limits";
import { tierLimit } from "./messaging-limits";

// Automatic messaging-limit upgrades and downgrades (cloud-api-reference.md §6). Portfolio model
// (since 7 Oct 2025): 250 → 2K by the scaling path (business verification, or 2,000 delivered
// templates to unique users outside a window in 30 days while quality is high), then one step up
// within 6 h whenever quality is high and half the limit was used in 7 days; no downgrades.
// Per-number model (before): 250 → 1K by verification or 1K business-initiated users in 30 days,
// then the same half-the-limit rule after ~24 h while quality is not low; a number RED for 7 days
// drops one tier. Meta's "high" quality is read as every number GREEN, "not low" as not RED.

export const LADDER: Record<MessagingLimitModel, string[]> = {
  portfolio: ["TIER_250", "TIER_2K", "TIER_10K", "TIER_100K", "TIER_UNLIMITED"],
  per_number: ["TIER_250", "TIER_1K", "TIER_10K", "TIER_100K", "TIER_UNLIMITED"],
};
export const REVIEW_DELAY_MS: Record<MessagingLimitModel, number> = {
  portfolio: 6 * 3600_000,
  per_number: 24 * 3600_000,
};
export const FLAGGED_DOWNGRADE_MS = 7 * 24 * 3600_000;
/** The scaling path out of the first tier: unique users in 30 days. */
const SCALING_PATH: Record<MessagingLimitModel, number> = { portfolio: 2000, per_number: 1000 };

export interface TierFacts {
  model: MessagingLimitModel;
  tier: string;
  verified: boolean;
  /** Quality ratings of the numbers sharing the limit. */
  qualities: string[];
  /** Unique users messaged outside a window in the last 7 days. */
  usersIn7Days: number;
  /** The scaling path's count in 30 days (delivered templates outside a window, or business-initiated users). */
  scalingPathUsers: number;
}

const qualityAllows = (model: MessagingLimitModel, qualities: string[]) =>
  model === "portfolio"
    ? qualities.every((q) => q === "GREEN" || q === "UNKNOWN")
    : qualities.every((q) => q !== "RED");

/** The tier the limit moves up to now, or null. */
export function tierUpgrade(f: TierFacts): string | null {
  const ladder = LADDER[f.model];
  const i = ladder.indexOf(f.tier);
  if (i < 0 || i === ladder.length - 1) return null;
  if (i === 0)
    return f.verified || (f.scalingPathUsers >= SCALING_PATH[f.model] && qualityAllows(f.model, f.qualities))
      ? ladder[1]
      : null;
  return qualityAllows(f.model, f.qualities) && f.usersIn7Days >= tierLimit(f.tier) / 2 ? ladder[i + 1] : null;
}

/** One tier down (per-number model, after a week of RED); the first tier stays. */
export function tierDowngrade(tier: string): string | null {
  const ladder = LADDER.per_number;
  const i = ladder.indexOf(tier);
  return i > 0 ? ladder[i - 1] : null;
}

/** How many numbers a portfolio may register: 2, or 20 once verified or past the first tier. */
export const maxPhoneNumbers = (verified: boolean, tier: string): number => (verified || tier !== "TIER_250" ? 20 : 2);

/** The old numeric form of a per-number limit (-1 = unlimited). */
export const numericLimit = (tier: string): number => (tierLimit(tier) === Infinity ? -1 : tierLimit(tier));

/** 1,000 messages per second (§6): portfolio unlimited, 100K unique users outside a window in 24 h, quality GREEN or YELLOW. */
export const HIGH_THROUGHPUT_USERS = 100_000;
export function throughputUpgradeDue(o: {
  level: string;
  tier: string;
  usersIn24Hours: number;
  quality: string;
}): boolean {
  return (
    o.level === "STANDARD" &&
    o.tier === "TIER_UNLIMITED" &&
    o.usersIn24Hours >= HIGH_THROUGHPUT_USERS &&
    (o.quality === "GREEN" || o.quality === "YELLOW")
  );
}
export const THROUGHPUT_MAINTENANCE_MS = 60_000;

/**
 * The status shown for a number (§6): only CONNECTED sends; FLAGGED while RED under the per-number
 * model; RESTRICTED while its limit is used up (replies still go, new users wait).
 */
export function numberStatus(o: {
  stored: string;
  model: MessagingLimitModel;
  quality: string;
  limitReached: boolean;
}): string {
  if (o.stored !== "CONNECTED") return o.stored;
  if (o.model === "per_number" && o.quality === "RED") return "FLAGGED";
  return o.limitReached ? "RESTRICTED" : "CONNECTED";
}
