import { describe, expect, it } from "vitest";
import { configFromEnv, platformConfig } from "./config";

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
  it("refuses a bad switch or count that used to pass for its default, naming the variable", () => {
    expect(() => configFromEnv({ OPENWABA_PAIR_RATE: "no" })).toThrow(
      /OPENWABA_PAIR_RATE must be "on" or "off", not "no"/,
    );
    expect(() => configFromEnv({ OPENWABA_MARKETING_CONSENT: "optional" })).toThrow(/OPENWABA_MARKETING_CONSENT/);
    expect(() => configFromEnv({ OPENWABA_SIM_POPULATION: "lots" })).toThrow(
      /OPENWABA_SIM_POPULATION must be a whole number, not "lots"/,
    );
    expect(configFromEnv({ OPENWABA_PAIR_RATE: "off", OPENWABA_SIM_POPULATION: "0" })).toMatchObject({
      pairRate: false,
      simPopulation: 0,
    });
  });
  it("gives the platform the settings read, and its own defaults for the rest", () => {
    const c = platformConfig(
      configFromEnv({ OPENWABA_WEBHOOK_TIMEOUT_MS: "2500", OPENWABA_TEMPLATE_REVIEW_MS: "off" }),
      "secret",
    );
    expect(c).toMatchObject({ webhookTimeoutMs: 2500, templateReviewDelayMs: null, mediaUrlSecret: "secret" });
    expect(c.graphVersion).toMatch(/^v\d+\.\d+$/);
  });
});
