// Messaging limits (cloud-api-reference.md §6): how many unique users a business may message
// outside a customer service window in a rolling 24 hours. Since 7 October 2025 the limit belongs
// to the business portfolio (250 → 2K → 10K → 100K → unlimited); before it, to each number
// (250 → 1K → 10K → 100K → unlimited). A user already messaged in the last 24 hours costs nothing more.

export type MessagingLimitModel = "portfolio" | "per_number";
export const MESSAGING_WINDOW_MS = 24 * 3600 * 1000;

const LIMITS: Record<string, number> = {
  TIER_50: 50,
  TIER_250: 250,
  TIER_1K: 1000,
  TIER_2K: 2000,
  TIER_10K: 10_000,
  TIER_100K: 100_000,
  TIER_UNLIMITED: Infinity,
};

export const tierLimit = (tier: string): number => LIMITS[tier] ?? 250;

/** Whether one more business-initiated message to this user fits the limit. */
export function withinMessagingLimit(tier: string, usersMessaged: number, userAlreadyCounted: boolean): boolean {
  return userAlreadyCounted || usersMessaged < tierLimit(tier);
}
