import { describe, expect, it } from "vitest";
import { QUALITY_WINDOW_MS, negativeScore, qualityRating } from "./phone-quality";

const now = Date.UTC(2026, 5, 1);
const blocks = (n: number, at = now) => Array.from({ length: n }, () => ({ kind: "block", at }));

describe("phone-number quality", () => {
  it("is GREEN below 2 % of the users messaged, YELLOW from 2 %, RED from 5 %", () => {
    expect(qualityRating(blocks(1), 100, now)).toBe("GREEN"); // 1 %
    expect(qualityRating(blocks(2), 100, now)).toBe("YELLOW"); // 2 %
    expect(qualityRating(blocks(4), 100, now)).toBe("YELLOW"); // 4 %
    expect(qualityRating(blocks(5), 100, now)).toBe("RED"); // 5 %
  });
  it("weighs a spam report three times a block", () => {
    expect(qualityRating([{ kind: "report", at: now }], 100, now)).toBe("YELLOW");
    expect(
      qualityRating(
        [
          { kind: "report", at: now },
          { kind: "report", at: now },
        ],
        100,
        now,
      ),
    ).toBe("RED");
  });
  it("forgets signals over 7 days, weighing recent ones more", () => {
    expect(negativeScore(blocks(1, now - QUALITY_WINDOW_MS / 2), now)).toBeCloseTo(0.5);
    expect(negativeScore(blocks(1, now - QUALITY_WINDOW_MS + 1), now)).toBeGreaterThan(0);
    expect(negativeScore(blocks(1, now - QUALITY_WINDOW_MS), now)).toBe(0);
    expect(qualityRating(blocks(10, now - QUALITY_WINDOW_MS), 100, now)).toBe("GREEN");
  });
  it("needs a sample: a few blocks on a number that messaged few users do not turn it red", () => {
    expect(qualityRating(blocks(1), 5, now)).toBe("GREEN"); // 1 / max(5, 100) = 1 %, not 20 %
    expect(qualityRating(blocks(2), 5, now)).toBe("YELLOW"); // 2 %, not 40 %
  });
});
