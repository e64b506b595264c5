// Login throttling (pure): failed attempts are counted per account and per client address over
// a window. An account with `accountMax` failures is locked for `lockMs`; an address with
// `addressMax` failures is refused until its oldest failure leaves the window.

export const LOGIN_LIMITS = { windowMs: 15 * 60_000, accountMax: 5, addressMax: 20, lockMs: 15 * 60_000 };

/** Whether another attempt from this address may be tried now, and if not, for how long. */
export function addressAllowed(failures: number[], now: number, l = LOGIN_LIMITS): { ok: boolean; retryAfterMs: number } {
  const recent = failures.filter((t) => now - t < l.windowMs).sort((a, b) => a - b);
  if (recent.length < l.addressMax) return { ok: true, retryAfterMs: 0 };
  return { ok: false, retryAfterMs: recent[recent.length - l.addressMax] + l.windowMs - now };
}

/** After a failure: the account's lock, if this failure completes `accountMax` within the window. */
export function lockAfterFailure(failures: number[], now: number, l = LOGIN_LIMITS): number | null {
  const recent = failures.filter((t) => now - t < l.windowMs).length;
  return recent >= l.accountMax ? now + l.lockMs : null;
}
