import { describe, expect, it } from "vitest";
import { LOGIN_LIMITS, addressAllowed, lockAfterFailure } from "./login-throttle";

const now = 1_000_000_000;
const times = (n: number, at = now) => Array.from({ length: n }, (_, i) => at - i);

describe("login throttling", () => {
  it("locks an account at its 5th failure in 15 minutes, not its 4th", () => {
    expect(lockAfterFailure(times(4), now)).toBeNull();
    expect(lockAfterFailure(times(5), now)).toBe(now + LOGIN_LIMITS.lockMs);
  });
  it("forgets failures older than the window", () => {
    expect(lockAfterFailure([...times(4), now - LOGIN_LIMITS.windowMs], now)).toBeNull();
  });
  it("refuses an address at its 20th failure until the oldest one ages out", () => {
    expect(addressAllowed(times(19), now).ok).toBe(true);
    const r = addressAllowed(times(20), now);
    expect(r.ok).toBe(false);
    expect(r.retryAfterMs).toBe(LOGIN_LIMITS.windowMs - 19);
    expect(addressAllowed(times(20), now + LOGIN_LIMITS.windowMs).ok).toBe(true);
  });
});
