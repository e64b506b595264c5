import { describe, expect, it } from "vitest";
import { configFromEnv } from "./config";

describe("configuration from the environment", () => {
  it("defaults to Meta's rules today: portfolio limits, pricing by date, every rule on", () => {
    expect(configFromEnv({})).toMatchObject({
      messagingLimitModel: "portfolio",
      pricingModel: "auto",
      rules: "on",
      throughputMps: 80,
      pairRate: true,
      marketingConsent: "required",
    });
  });
  it("takes each model's switch", () => {
    expect(
      configFromEnv({ OPENWABA_PRICING_MODEL: "CBP", OPENWABA_MESSAGING_LIMITS: "per_number", OPENWABA_RULES: "off" }),
    ).toMatchObject({ pricingModel: "CBP", messagingLimitModel: "per_number", rules: "off" });
  });
  it("refuses a value it does not know, naming the variable and the choices", () => {
    expect(() => configFromEnv({ OPENWABA_PRICING_MODEL: "cheap" })).toThrow(
      /OPENWABA_PRICING_MODEL must be "auto" or "CBP" or "PMP", not "cheap"/,
    );
    expect(() => configFromEnv({ OPENWABA_RULES: "no" })).toThrow(/OPENWABA_RULES/);
    expect(() => configFromEnv({ OPENWABA_THROUGHPUT_MPS: "-1" })).toThrow(/OPENWABA_THROUGHPUT_MPS/);
    expect(() => configFromEnv({ PORT: "99999" })).toThrow(/PORT/);
  });
});
