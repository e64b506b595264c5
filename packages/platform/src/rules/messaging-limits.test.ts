import { describe, expect, it } from "vitest";
import { tierLimit, withinMessagingLimit } from "./messaging-limits";

describe("messaging limits", () => {
  it("admits the 250th unique user and refuses the 251st on TIER_250", () => {
    expect(withinMessagingLimit("TIER_250", 249, false)).toBe(true);
    expect(withinMessagingLimit("TIER_250", 250, false)).toBe(false);
  });
  it("never counts a user already messaged in the last 24 hours twice", () => {
    expect(withinMessagingLimit("TIER_250", 250, true)).toBe(true);
  });
  it("knows both models' tiers, unlimited included", () => {
    expect(tierLimit("TIER_2K")).toBe(2000);
    expect(tierLimit("TIER_1K")).toBe(1000);
    expect(withinMessagingLimit("TIER_UNLIMITED", 10_000_000, false)).toBe(true);
  });
});
