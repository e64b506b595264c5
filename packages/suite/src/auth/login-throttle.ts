// Login throttling (pure): failed attempts are counted per account and per client address over
// a window. An account with `accountMax` failures is locked for `lockMs`; an address with
// `addressMax` failures is refused until its oldest failure leaves the window.

export const LOGIN_LIMITS = { windowMs: 15 * 60_000, accountMax: 5, addressMax: 20, lockMs: 15 * 60_000 };

/** Whether another attempt from this address may be tried now, and if not, for how long. */
export function addressAllowed(
  failures: number[],
  now: number,
  l = LOGIN_LIMITS,
): { ok: boolean; retryAfterMs: number } {
  const recent = failures.filter((t) => now - t < l.windowMs).sort((a, b) => a - b);
  if (recent.length < l.addressMax) return { ok: true, retryAfterMs: 0 };
  return { ok: false, retryAfterMs: recent[recent.length - l.addressMax] + l.windowMs - now };
}

/** After a failure: the account's lock, if this failure completes `accountMax` within the window. */
export function lockAfterFailure(failures: number[], now: number, l = LOGIN_LIMITS): number | null {
  const recent = failures.filter((t) => now - t < l.windowMs).length;
  return recent >= l.accountMax ? now + l.lockMs : null;
}

/** Failures the account may still make before it locks (after counting this one). */
export function attemptsLeft(failures: number[], now: number, l = LOGIN_LIMITS): number {
  return Math.max(0, l.accountMax - failures.filter((t) => now - t < l.windowMs).length);
}

/** "15 minutes", "1 minute", "30 seconds": how long, in words a person reads at a glance. */
export function durationWords(ms: number): string {
  if (ms < 60_000) {
    const s = Math.max(1, Math.ceil(ms / 1000));
    return `${s} second${s === 1 ? "" : "s"}`;
  }
  const m = Math.ceil(ms / 60_000);
  return `${m} minute${m === 1 ? "" : "s"}`;
}

/**
 * What a wrong password answers: a warning once few attempts are left, and when it locks the
 * account, for how long — so that nobody learns of a lock only from the next refusal.
 */
export function wrongPasswordMessage(left: number, lockedUntil: number | null, now: number, l = LOGIN_LIMITS): string {
  const base = "The email or password is wrong.";
  if (lockedUntil)
    return `${base} The account is now locked for ${durationWords(lockedUntil - now)} after ${l.accountMax} failed sign-ins.`;
  if (left <= 2)
    return `${base} ${left} more wrong attempt${left === 1 ? "" : "s"} will lock the account for ${durationWords(l.lockMs)}.`;
  return base;
}
