// The pair rate limit (cloud-api-reference.md §6): one message every 6 s from a business number to
// one user on average; a burst of up to 45 within 6 s borrows from future quota, which is then
// paid back (a burst of 20 means about 2 minutes before the next message). Beyond it: 131056.
// Pure: the caller keeps the state.

export const PAIR_INTERVAL_MS = 6000;
export const PAIR_BURST = 45;

export interface PairState {
  /** When the quota borrowed so far is paid back. */
  paidAt: number;
  /** The burst under way: when it began and how many it has sent. */
  burstStart: number;
  burstCount: number;
}

export interface PairResult {
  ok: boolean;
  state: PairState;
  retryAfterMs: number;
}

export function pairRateDecision(
  s: PairState | undefined,
  now: number,
  interval = PAIR_INTERVAL_MS,
  burst = PAIR_BURST,
): PairResult {
  if (!s || s.paidAt <= now) {
    // Rested: a new burst may begin.
    return {
      ok: true,
      state: { paidAt: Math.max(now, s?.paidAt ?? now) + interval, burstStart: now, burstCount: 1 },
      retryAfterMs: 0,
    };
  }
  if (now - s.burstStart < interval && s.burstCount < burst) {
    return {
      ok: true,
      state: { paidAt: s.paidAt + interval, burstStart: s.burstStart, burstCount: s.burstCount + 1 },
      retryAfterMs: 0,
    };
  }
  return { ok: false, state: s, retryAfterMs: s.paidAt - now };
}
