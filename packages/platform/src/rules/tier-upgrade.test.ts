import { describe, expect, it } from "vitest";
import {
  maxPhoneNumbers,
  numberStatus,
  throughputUpgradeDue,
  tierDowngrade,
  tierUpgrade,
  type TierFacts,
} from "./tier-upgrade";

const portfolio = (o: Partial<TierFacts>): TierFacts => ({
  model: "portfolio",
  tier: "TIER_250",
  verified: false,
  qualities: ["GREEN"],
  usersIn7Days: 0,
  scalingPathUsers: 0,
  ...o,
});
const perNumber = (o: Partial<TierFacts>): TierFacts => ({ ...portfolio(o), model: "per_number" });

describe("tier upgrades, portfolio model", () => {
  it("leaves 250 for 2K by verification or at the 2,000th delivered unique user with high quality", () => {
    expect(tierUpgrade(portfolio({ verified: true }))).toBe("TIER_2K");
    expect(tierUpgrade(portfolio({ scalingPathUsers: 1999 }))).toBeNull();
    expect(tierUpgrade(portfolio({ scalingPathUsers: 2000 }))).toBe("TIER_2K");
    expect(tierUpgrade(portfolio({ scalingPathUsers: 2000, qualities: ["GREEN", "YELLOW"] }))).toBeNull();
  });
  it("moves up a step when half the limit was used in 7 days, not one user fewer", () => {
    expect(tierUpgrade(portfolio({ tier: "TIER_2K", usersIn7Days: 999 }))).toBeNull();
    expect(tierUpgrade(portfolio({ tier: "TIER_2K", usersIn7Days: 1000 }))).toBe("TIER_10K");
    expect(tierUpgrade(portfolio({ tier: "TIER_100K", usersIn7Days: 50_000 }))).toBe("TIER_UNLIMITED");
    expect(tierUpgrade(portfolio({ tier: "TIER_UNLIMITED", usersIn7Days: 10_000_000 }))).toBeNull();
  });
  it("needs every number GREEN", () => {
    expect(tierUpgrade(portfolio({ tier: "TIER_2K", usersIn7Days: 1000, qualities: ["GREEN", "YELLOW"] }))).toBeNull();
  });
});

describe("tier upgrades and downgrades, per-number model", () => {
  it("leaves 250 for 1K by verification or at the 1,000th business-initiated user in 30 days", () => {
    expect(tierUpgrade(perNumber({ scalingPathUsers: 999 }))).toBeNull();
    expect(tierUpgrade(perNumber({ scalingPathUsers: 1000 }))).toBe("TIER_1K");
    expect(tierUpgrade(perNumber({ verified: true }))).toBe("TIER_1K");
  });
  it("moves up at half the limit unless the number is RED (YELLOW is not low)", () => {
    expect(tierUpgrade(perNumber({ tier: "TIER_1K", usersIn7Days: 499 }))).toBeNull();
    expect(tierUpgrade(perNumber({ tier: "TIER_1K", usersIn7Days: 500, qualities: ["YELLOW"] }))).toBe("TIER_10K");
    expect(tierUpgrade(perNumber({ tier: "TIER_1K", usersIn7Days: 500, qualities: ["RED"] }))).toBeNull();
  });
  it("drops one tier, never below the first", () => {
    expect(tierDowngrade("TIER_10K")).toBe("TIER_1K");
    expect(tierDowngrade("TIER_250")).toBeNull();
  });
});

describe("throughput upgrade", () => {
  const due = { level: "STANDARD", tier: "TIER_UNLIMITED", usersIn24Hours: 100_000, quality: "YELLOW" };
  it("comes at the 100,000th unique user in 24 h of an unlimited portfolio with quality not RED", () => {
    expect(throughputUpgradeDue(due)).toBe(true);
    expect(throughputUpgradeDue({ ...due, usersIn24Hours: 99_999 })).toBe(false);
    expect(throughputUpgradeDue({ ...due, tier: "TIER_100K" })).toBe(false);
    expect(throughputUpgradeDue({ ...due, quality: "RED" })).toBe(false);
    expect(throughputUpgradeDue({ ...due, level: "HIGH" })).toBe(false);
  });
});

describe("number status and capabilities", () => {
  it("shows FLAGGED only under the per-number model, RESTRICTED while the limit is used up", () => {
    expect(numberStatus({ stored: "CONNECTED", model: "per_number", quality: "RED", limitReached: false })).toBe(
      "FLAGGED",
    );
    expect(numberStatus({ stored: "CONNECTED", model: "portfolio", quality: "RED", limitReached: false })).toBe(
      "CONNECTED",
    );
    expect(numberStatus({ stored: "CONNECTED", model: "portfolio", quality: "GREEN", limitReached: true })).toBe(
      "RESTRICTED",
    );
    expect(numberStatus({ stored: "PENDING", model: "portfolio", quality: "GREEN", limitReached: true })).toBe(
      "PENDING",
    );
  });
  it("allows 2 numbers, 20 once verified or past the first tier", () => {
    expect(maxPhoneNumbers(false, "TIER_250")).toBe(2);
    expect(maxPhoneNumbers(true, "TIER_250")).toBe(20);
    expect(maxPhoneNumbers(false, "TIER_2K")).toBe(20);
  });
});
