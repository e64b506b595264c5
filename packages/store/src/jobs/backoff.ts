/**
 * Jittered exponential backoff (cloud-api-reference.md §5: an immediate retry, then exponential
 * backoff for days). Attempt 1 failed → retry at once; then base·2^(n-2), capped, with the delay
 * drawn from its upper half so that a fleet of retries spreads out.
 */
export function backoffMs(
  failedAttempts: number,
  opts: { baseMs: number; capMs: number },
  random = Math.random,
): number {
  if (failedAttempts <= 1) return 0;
  const full = Math.min(opts.capMs, opts.baseMs * 2 ** (failedAttempts - 2));
  return Math.round(full / 2 + (full / 2) * random());
}
