import { describe, expect, it } from "vitest";
import { ruleWords } from "./rule-words";

describe("a routing rule in words", () => {
  it("a rule without conditions takes every new conversation (it used to print {})", () => {
    expect(ruleWords({})).toBe("every new conversation");
  });
  it("names each condition, joining alternatives with or", () => {
    expect(ruleWords({ keywords: ["order", "refund", "invoice"], languages: ["ru"], business_hours: "outside" })).toBe(
      "when the message mentions “order”, “refund” or “invoice” · the customer writes in ru · outside business hours",
    );
    expect(ruleWords({ phone_number_ids: ["1", "2"], labels: ["vip"] }, (id) => `Shop ${id}`)).toBe(
      "when labelled vip · on Shop 1 or Shop 2",
    );
  });
});
