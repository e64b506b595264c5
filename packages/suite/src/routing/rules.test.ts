import { describe, expect, it } from "vitest";
import { firstMatch, ruleMatches, type RoutingFacts } from "./rules";

const facts: RoutingFacts = {
  phoneNumberId: "p1",
  text: "Gdzie jest moje zamówienie? Order #123",
  labels: ["vip"],
  language: "pl",
  insideBusinessHours: true,
};

describe("routing rules", () => {
  it("matches keywords as whole words in any case, in any language", () => {
    expect(ruleMatches({ keywords: ["ZAMÓWIENIE"] }, facts)).toBe(true);
    expect(ruleMatches({ keywords: ["zamów"] }, facts)).toBe(false);
    expect(ruleMatches({ keywords: ["refund", "order"] }, facts)).toBe(true);
  });
  it("needs every condition it names", () => {
    expect(ruleMatches({ phone_number_ids: ["p1"], languages: ["pl"], labels: ["vip"] }, facts)).toBe(true);
    expect(ruleMatches({ phone_number_ids: ["p2"], languages: ["pl"] }, facts)).toBe(false);
    expect(ruleMatches({ languages: ["ru"] }, facts)).toBe(false);
    expect(ruleMatches({ languages: ["pl"] }, { ...facts, language: null })).toBe(false);
  });
  it("routes by business hours on both sides", () => {
    expect(ruleMatches({ business_hours: "outside" }, facts)).toBe(false);
    expect(ruleMatches({ business_hours: "outside" }, { ...facts, insideBusinessHours: false })).toBe(true);
    expect(ruleMatches({ business_hours: "inside" }, facts)).toBe(true);
  });
  it("takes the first rule that matches, in order; an empty rule catches all", () => {
    const rules = [
      { id: "a", conditions: { languages: ["ru"] } },
      { id: "b", conditions: { keywords: ["order"] } },
      { id: "c", conditions: {} },
    ];
    expect(firstMatch(rules, facts)?.id).toBe("b");
    expect(firstMatch(rules, { ...facts, text: "hello" })?.id).toBe("c");
    expect(firstMatch([], facts)).toBeNull();
  });
});
