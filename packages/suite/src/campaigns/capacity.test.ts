import { describe, expect, it } from "vitest";
import { DAY_MS, levelMps, planDuration, tierLimit } from "./capacity";

describe("a campaign's duration", () => {
  it("is the throughput's when the messaging limit has room for everyone outside a window", () => {
    const p = planDuration({ count: 8000, outsideWindow: 250, mps: 80, limit: 250, room: 250, startAt: 0 });
    expect(p).toEqual({ seconds_at_full_pace: 100, limited_by: "throughput", extra_days: 0, finishes_at: 100_000 });
  });

  it("takes a day more for each limit's worth beyond today's room", () => {
    expect(planDuration({ count: 251, outsideWindow: 251, mps: 80, limit: 250, room: 250, startAt: 0 })).toMatchObject({
      limited_by: "messaging_limit",
      extra_days: 1,
      finishes_at: DAY_MS + 13,
    });
    expect(planDuration({ count: 500, outsideWindow: 500, mps: 80, limit: 250, room: 250, startAt: 0 })).toMatchObject({
      extra_days: 1,
    });
    expect(planDuration({ count: 501, outsideWindow: 501, mps: 80, limit: 250, room: 250, startAt: 0 })).toMatchObject({
      extra_days: 2,
    });
    expect(planDuration({ count: 300, outsideWindow: 300, mps: 80, limit: 250, room: 0, startAt: 0 })).toMatchObject({
      extra_days: 2,
    });
    expect(
      planDuration({ count: 1e6, outsideWindow: 1e6, mps: 1000, limit: Infinity, room: Infinity, startAt: 0 }),
    ).toMatchObject({ limited_by: "throughput", seconds_at_full_pace: 1000 });
  });

  it("reads tiers and throughput levels", () => {
    expect(tierLimit("TIER_2K")).toBe(2000);
    expect(tierLimit("TIER_UNLIMITED")).toBe(Infinity);
    expect(tierLimit(undefined)).toBe(250);
    expect(levelMps("STANDARD")).toBe(80);
    expect(levelMps("HIGH")).toBe(1000);
    expect(levelMps("STANDARD", 5000)).toBe(5000);
  });
});
