// How fast and how far a number may send (pure): its throughput (80 messages per second, 1,000
// after the upgrade) and its messaging limit (unique customers outside a customer service window
// per rolling 24 hours), and what that means for a campaign's duration.

export const DAY_MS = 24 * 3600_000;

const LIMITS: Record<string, number> = {
  TIER_50: 50,
  TIER_250: 250,
  TIER_1K: 1000,
  TIER_2K: 2000,
  TIER_10K: 10_000,
  TIER_100K: 100_000,
  TIER_UNLIMITED: Infinity,
  UNLIMITED: Infinity,
};

/** Customers a tier may reach outside a window in 24 hours (unknown tiers: the first one's 250). */
export const tierLimit = (tier: string | null | undefined): number => LIMITS[tier ?? ""] ?? 250;

/** Messages per second of a throughput level; `override` is a deployment's own cap (load tests). */
export const levelMps = (level: string | null | undefined, override?: number): number =>
  override ?? (level === "HIGH" ? 1000 : 80);

export interface DurationPlan {
  /** Seconds of sending at full pace, ignoring the limit. */
  seconds_at_full_pace: number;
  /** What decides when it ends. */
  limited_by: "throughput" | "messaging_limit";
  /** Days the messaging limit adds (0: all within today's room). */
  extra_days: number;
  finishes_at: number;
}

/**
 * When a campaign ends: `count` messages at `mps`; `outsideWindow` of them count against the
 * messaging limit, of which `room` remain today and `limit` more free up each day after.
 */
export function planDuration(o: {
  count: number;
  outsideWindow: number;
  mps: number;
  limit: number;
  room: number;
  startAt: number;
}): DurationPlan {
  const seconds = o.count / o.mps;
  if (o.outsideWindow <= o.room || o.limit === Infinity) {
    return {
      seconds_at_full_pace: seconds,
      limited_by: "throughput",
      extra_days: 0,
      finishes_at: o.startAt + Math.ceil(seconds * 1000),
    };
  }
  const beyond = o.outsideWindow - Math.max(0, o.room);
  const extraDays = Math.ceil(beyond / o.limit);
  const lastDay = beyond - (extraDays - 1) * o.limit;
  return {
    seconds_at_full_pace: seconds,
    limited_by: "messaging_limit",
    extra_days: extraDays,
    finishes_at: o.startAt + extraDays * DAY_MS + Math.ceil((lastDay / o.mps) * 1000),
  };
}
