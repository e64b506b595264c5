import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadRateCard, priceConversation, priceMessage } from "./rate-card";

describe("rate card", () => {
  const card = loadRateCard();
  it("prices by the recipient's market and the category", () => {
    expect(priceMessage(card, "919812345678", "marketing")).toEqual({
      country: "IN",
      amountMicros: 10_700,
      currency: "USD",
    });
    expect(priceMessage(card, "4915112345678", "utility")).toEqual({
      country: "DE",
      amountMicros: 55_000,
      currency: "USD",
    });
    expect(priceMessage(card, "48600100200", "authentication").country).toBe("PL");
  });
  it("prices conversations of the conversation-based model from their own table", () => {
    expect(priceConversation(card, "919812345678", "service")).toEqual({
      country: "IN",
      amountMicros: 4_000,
      currency: "USD",
    });
    expect(priceConversation(card, "4915112345678", "marketing")).toEqual({
      country: "DE",
      amountMicros: 136_500,
      currency: "USD",
    });
  });
  it("falls back to the default rates for markets the card does not list", () => {
    expect(priceMessage(card, "819012345678", "marketing")).toEqual({
      country: "JP",
      amountMicros: 62_500,
      currency: "USD",
    });
  });
  it("loads a replacement card and refuses a broken one with the field named", () => {
    const dir = mkdtempSync(join(tmpdir(), "card-"));
    writeFileSync(
      join(dir, "ok.json"),
      JSON.stringify({ currency: "EUR", default: { marketing: 0.1 }, markets: { PL: { marketing: 0.05 } } }),
    );
    expect(priceMessage(loadRateCard(join(dir, "ok.json")), "48600100200", "marketing")).toEqual({
      country: "PL",
      amountMicros: 50_000,
      currency: "EUR",
    });
    writeFileSync(join(dir, "bad.json"), JSON.stringify({ currency: "EUR", default: { marketing: -1 }, markets: {} }));
    expect(() => loadRateCard(join(dir, "bad.json"))).toThrow(/default\.marketing/);
  });
});
