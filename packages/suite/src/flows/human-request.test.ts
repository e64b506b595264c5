import { describe, expect, it } from "vitest";
import { asksForHuman } from "./human-request";

describe("asking for a human", () => {
  it("understands the bare word and short requests in our markets' languages", () => {
    for (const t of [
      "agent",
      "Agent!",
      "I want to talk to a human",
      "konsultant",
      "Poproszę z konsultantem",
      "оператор",
      "Хочу поговорить с человеком",
      "Vull parlar amb una persona",
      "operatore per favore",
      "Quiero hablar con un agente",
      "real person please",
    ]) {
      expect(asksForHuman(t), t).toBe(true);
    }
  });

  it("does not take ordinary answers or long messages that mention an agent", () => {
    for (const t of [
      "yes",
      "860198",
      "Track order",
      "The agent said my parcel would come on Monday but it is still not here today",
      "agentur",
      "",
      "  ",
    ]) {
      expect(asksForHuman(t), t).toBe(false);
    }
  });

  it("adds the tenant's own words", () => {
    expect(asksForHuman("concierge")).toBe(false);
    expect(asksForHuman("concierge", ["concierge"])).toBe(true);
  });
});
