import { describe, expect, it } from "vitest";
import {
  LOGIN_LIMITS,
  addressAllowed,
  attemptsLeft,
  durationWords,
  lockAfterFailure,
  wrongPasswordMessage,
} from "./login-throttle";

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

describe("what a failed sign-in says", () => {
  it("counts the attempts left, warning from two, and says for how long a lock lasts", () => {
    expect(attemptsLeft(times(2), now)).toBe(3);
    expect(wrongPasswordMessage(3, null, now)).toBe("The email or password is wrong.");
    expect(wrongPasswordMessage(2, null, now)).toBe(
      "The email or password is wrong. 2 more wrong attempts will lock the account for 15 minutes.",
    );
    expect(wrongPasswordMessage(1, null, now)).toBe(
      "The email or password is wrong. 1 more wrong attempt will lock the account for 15 minutes.",
    );
    expect(wrongPasswordMessage(0, now + LOGIN_LIMITS.lockMs, now)).toBe(
      "The email or password is wrong. The account is now locked for 15 minutes after 5 failed sign-ins.",
    );
  });
  it("rounds a duration up, to the minute from a minute", () => {
    expect(durationWords(899_000)).toBe("15 minutes");
    expect(durationWords(60_001)).toBe("2 minutes");
    expect(durationWords(60_000)).toBe("1 minute");
    expect(durationWords(59_999)).toBe("60 seconds");
    expect(durationWords(1_000)).toBe("1 second");
  });
});
