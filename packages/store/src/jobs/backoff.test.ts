import { describe, expect, it } from "vitest";
import { backoffMs } from "./backoff";

describe("webhook backoff", () => {
  const opts = { baseMs: 1000, capMs: 60_000 };
  it("retries at once after the first failure", () => {
    expect(backoffMs(1, opts, () => 1)).toBe(0);
  });
  it("doubles from the base, within the upper half of each step", () => {
    expect(backoffMs(2, opts, () => 0)).toBe(500);
    expect(backoffMs(2, opts, () => 1)).toBe(1000);
    expect(backoffMs(3, opts, () => 1)).toBe(2000);
    expect(backoffMs(5, opts, () => 0)).toBe(4000);
  });
  it("never exceeds the cap", () => {
    expect(backoffMs(30, opts, () => 1)).toBe(60_000);
    expect(backoffMs(30, opts, () => 0)).toBe(30_000);
  });
});
