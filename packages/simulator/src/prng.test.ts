import { describe, expect, it } from "vitest";
import { randomFrom } from "./prng";

describe("seeded randomness", () => {
  it("repeats for a seed and differs between seeds", () => {
    const a = randomFrom("42"),
      b = randomFrom("42"),
      c = randomFrom("43");
    const seq = (r: () => number) => Array.from({ length: 5 }, () => r());
    const sa = seq(a);
    expect(sa).toEqual(seq(b));
    expect(sa).not.toEqual(seq(c));
    expect(sa.every((x) => x >= 0 && x < 1)).toBe(true);
  });
  it("draws log-normal values around their median", () => {
    const r = randomFrom("m");
    const draws = Array.from({ length: 4001 }, () => r.logNormal(1000, 0.5)).sort((x, y) => x - y);
    expect(draws[2000]).toBeGreaterThan(900);
    expect(draws[2000]).toBeLessThan(1100);
    expect(draws.every((x) => x > 0)).toBe(true);
  });
});
