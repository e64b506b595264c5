import { describe, expect, it } from "vitest";
import { pairRateDecision, type PairState } from "./pair-rate";

const run = (times: number[]) => {
  let s: PairState | undefined;
  return times.map((t) => {
    const r = pairRateDecision(s, t);
    if (r.ok) s = r.state;
    return r;
  });
};

describe("pair rate", () => {
  it("allows one message every 6 s forever", () => {
    expect(run([0, 6000, 12000, 18000]).every((r) => r.ok)).toBe(true);
  });
  it("allows a burst of 45 within 6 s and refuses the 46th (131056)", () => {
    const r = run(Array.from({ length: 46 }, (_, i) => i * 100));
    expect(r.slice(0, 45).every((x) => x.ok)).toBe(true);
    expect(r[45].ok).toBe(false);
  });
  it("after a burst of 20, pauses about 2 minutes: refused at 119.9 s, allowed at 120 s", () => {
    const burst = Array.from({ length: 20 }, (_, i) => i * 10);
    let s: PairState | undefined;
    for (const t of burst) s = pairRateDecision(s, t).state;
    const early = pairRateDecision(s, 119_900);
    expect(early.ok).toBe(false);
    expect(early.retryAfterMs).toBe(100);
    expect(pairRateDecision(s, 120_000).ok).toBe(true);
  });
  it("refuses a second message 6 s after the burst began but before it is paid back", () => {
    const r = run([0, 1000, 6500]);
    expect(r.map((x) => x.ok)).toEqual([true, true, false]);
    expect(r[2].retryAfterMs).toBe(12000 - 6500);
  });
});
