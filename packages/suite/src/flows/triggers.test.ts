import { describe, expect, it } from "vitest";
import { flowForMessage, keywordMatches, type InboundFacts, type LiveFlow } from "./triggers";

const facts = (o: Partial<InboundFacts> = {}): InboundFacts => ({
  phoneNumberId: "1",
  text: "hello",
  buttonPayload: null,
  newCycle: false,
  newContact: false,
  insideBusinessHours: true,
  ...o,
});
const flows: LiveFlow[] = [
  { id: "welcome", trigger: { type: "first_message" }, createdAt: 1 },
  { id: "newcomers", trigger: { type: "first_message", new_contacts_only: true }, createdAt: 0 },
  { id: "away", trigger: { type: "outside_hours" }, createdAt: 2 },
  { id: "order", trigger: { type: "keyword", keywords: ["order", "zamówienie"], match: "contains" }, createdAt: 3 },
  { id: "track", trigger: { type: "button", payloads: ["TRACK"] }, createdAt: 4 },
  { id: "promo", trigger: { type: "keyword", keywords: ["promo"] }, phoneNumberIds: ["2"], createdAt: 5 },
  { id: "shipped", trigger: { type: "event", event: "order_shipped" }, createdAt: 6 },
];

describe("which flow a message starts", () => {
  it("prefers a button payload, then a keyword, then outside hours, then the first message", () => {
    expect(flowForMessage(flows, facts({ buttonPayload: "TRACK", text: "order", newCycle: true }))?.id).toBe("track");
    expect(
      flowForMessage(flows, facts({ text: "Where is my order?", newCycle: true, insideBusinessHours: false }))?.id,
    ).toBe("order");
    expect(flowForMessage(flows, facts({ newCycle: true, insideBusinessHours: false }))?.id).toBe("away");
    expect(flowForMessage(flows, facts({ newCycle: true }))?.id).toBe("welcome");
    expect(flowForMessage(flows, facts({ newCycle: true, newContact: true }))?.id).toBe("newcomers");
  });

  it("starts nothing mid-conversation without a keyword or button, nor for other numbers' flows or events", () => {
    expect(flowForMessage(flows, facts())).toBeNull();
    expect(flowForMessage(flows, facts({ text: "promo" }))).toBeNull();
    expect(flowForMessage(flows, facts({ text: "promo", phoneNumberId: "2" }))?.id).toBe("promo");
    expect(flowForMessage(flows, facts({ buttonPayload: "OTHER" }))).toBeNull();
  });

  it("matches keywords exactly, as whole words, or by pattern", () => {
    expect(keywordMatches({ type: "keyword", keywords: ["Start"] }, " start! ")).toBe(true);
    expect(keywordMatches({ type: "keyword", keywords: ["start"] }, "start now")).toBe(false);
    expect(
      keywordMatches({ type: "keyword", keywords: ["zamówienie"], match: "contains" }, "Gdzie jest moje ZAMÓWIENIE?"),
    ).toBe(true);
    expect(keywordMatches({ type: "keyword", keywords: ["order"], match: "contains" }, "disorder")).toBe(false);
    expect(keywordMatches({ type: "keyword", pattern: "^#\\d{6}$" }, "#860198")).toBe(true);
    expect(keywordMatches({ type: "keyword", pattern: "^#\\d{6}$" }, "#86019")).toBe(false);
  });
});
