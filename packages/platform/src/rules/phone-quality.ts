// Phone-number quality (cloud-api-reference.md §6): GREEN, YELLOW or RED from 7 days of
// recency-weighted user signals. Meta's formula is unpublished; this one is documented and
// configurable: each block (and each STOP reply) weighs 1 and each spam report 3, decaying linearly to 0 over 7 days,
// divided by the unique users the number messaged in those 7 days (at least `minSample`).

export const QUALITY_WINDOW_MS = 7 * 24 * 3600 * 1000;
export type QualityRating = "GREEN" | "YELLOW" | "RED";

export interface QualityConfig {
  yellowAt: number;
  redAt: number;
  minSample: number;
}
export const DEFAULT_QUALITY: QualityConfig = { yellowAt: 0.02, redAt: 0.05, minSample: 100 };

const WEIGHT: Record<string, number> = { block: 1, report: 3, stop: 1 };

export function negativeScore(signals: { kind: string; at: number }[], now: number): number {
  let score = 0;
  for (const s of signals) {
    const age = now - s.at;
    if (age < 0 || age >= QUALITY_WINDOW_MS) continue;
    score += (WEIGHT[s.kind] ?? 0) * (1 - age / QUALITY_WINDOW_MS);
  }
  return score;
}

export function qualityRating(
  signals: { kind: string; at: number }[],
  usersMessaged: number,
  now: number,
  c: QualityConfig = DEFAULT_QUALITY,
): QualityRating {
  const rate = negativeScore(signals, now) / Math.max(usersMessaged, c.minSample);
  return rate >= c.redAt ? "RED" : rate >= c.yellowAt ? "YELLOW" : "GREEN";
}
