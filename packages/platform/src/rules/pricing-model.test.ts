import { describe, expect, it } from "vitest";
import { PER_MESSAGE_PRICING_FROM, pricingModelAt } from "./pricing-model";

describe("pricing model by date", () => {
  it("is conversation-based until the last millisecond of 30 June 2025, per-message from 1 July", () => {
    expect(pricingModelAt("auto", PER_MESSAGE_PRICING_FROM - 1)).toBe("CBP");
    expect(pricingModelAt("auto", PER_MESSAGE_PRICING_FROM)).toBe("PMP");
  });
  it("keeps a pinned model whatever the date", () => {
    expect(pricingModelAt("CBP", PER_MESSAGE_PRICING_FROM + 1)).toBe("CBP");
    expect(pricingModelAt("PMP", PER_MESSAGE_PRICING_FROM - 1)).toBe("PMP");
  });
});
