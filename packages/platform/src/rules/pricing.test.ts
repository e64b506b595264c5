import { describe, expect, it } from "vitest";
import { pricingFor } from "./pricing";

describe("per-message pricing", () => {
  it("charges nothing for service messages", () => {
    expect(pricingFor("service", true)).toEqual({
      billable: false,
      pricing_model: "PMP",
      type: "free_customer_service",
      category: "service",
    });
  });
  it("charges utility templates only outside an open window", () => {
    expect(pricingFor("utility", true)).toEqual({
      billable: false,
      pricing_model: "PMP",
      type: "free_customer_service",
      category: "utility",
    });
    expect(pricingFor("utility", false)).toEqual({
      billable: true,
      pricing_model: "PMP",
      type: "regular",
      category: "utility",
    });
  });
  it("charges marketing and authentication templates in or out of the window", () => {
    expect(pricingFor("marketing", true)).toMatchObject({ billable: true, type: "regular", category: "marketing" });
    expect(pricingFor("authentication", false)).toMatchObject({ billable: true, category: "authentication" });
  });
  it("makes everything in a free entry point window free, templates too", () => {
    expect(pricingFor("marketing", false, true)).toEqual({
      billable: false,
      pricing_model: "PMP",
      type: "free_entry_point",
      category: "referral_conversion",
    });
    expect(pricingFor("marketing", false, false)).toMatchObject({ billable: true });
  });
});
