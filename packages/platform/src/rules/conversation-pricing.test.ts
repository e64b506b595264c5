import { describe, expect, it } from "vitest";
import {
  CONVERSATION_MS,
  FREE_SERVICE_PER_MONTH,
  SERVICE_FREE_FROM,
  conversationCharge,
  conversationToJoin,
} from "./conversation-pricing";

const now = Date.UTC(2025, 2, 10);
const conv = (id: string, category: string, expiresAt: number) => ({ id, category, expiresAt });

describe("conversation-based pricing: which conversation a message falls in", () => {
  it("opens a 24 h conversation of the template's category when none of it is open", () => {
    expect(conversationToJoin("marketing", [], null, now)).toEqual({
      open: { category: "marketing", expiresAt: now + CONVERSATION_MS },
    });
    expect(conversationToJoin("marketing", [conv("u", "utility", now + 5)], null, now)).toEqual({
      open: { category: "marketing", expiresAt: now + CONVERSATION_MS },
    });
  });
  it("joins an open conversation of the same category until its last millisecond", () => {
    const m = conv("m", "marketing", now + 1);
    expect(conversationToJoin("marketing", [m], null, now)).toEqual({ join: m });
    expect(conversationToJoin("marketing", [conv("m", "marketing", now)], null, now)).toMatchObject({
      open: { category: "marketing" },
    });
  });
  it("lets a free-form message ride on any open conversation, else opens a service one", () => {
    const u = conv("u", "utility", now + 10);
    expect(conversationToJoin("service", [u], null, now)).toEqual({ join: u });
    expect(conversationToJoin("service", [], null, now)).toEqual({
      open: { category: "service", expiresAt: now + CONVERSATION_MS },
    });
  });
  it("covers everything with a free entry point conversation while it lasts", () => {
    expect(conversationToJoin("marketing", [conv("u", "utility", now + 10)], now + 72 * 3600_000, now)).toEqual({
      open: { category: "referral_conversion", expiresAt: now + 72 * 3600_000 },
    });
    const fep = conv("f", "referral_conversion", now + 50);
    expect(conversationToJoin("utility", [fep], now + 50, now)).toEqual({ join: fep });
  });
});

describe("conversation-based pricing: what a conversation costs", () => {
  it("charges template conversations and never entry point ones", () => {
    expect(conversationCharge("marketing", now, 0)).toEqual({ billable: true, type: "regular" });
    expect(conversationCharge("referral_conversion", now, 0)).toEqual({ billable: false, type: "free_entry_point" });
  });
  it("gives the first 1,000 service conversations a month free before November 2024, and all after", () => {
    const before = SERVICE_FREE_FROM - 1;
    expect(conversationCharge("service", before, FREE_SERVICE_PER_MONTH - 1)).toEqual({
      billable: false,
      type: "free_tier",
    });
    expect(conversationCharge("service", before, FREE_SERVICE_PER_MONTH)).toEqual({ billable: true, type: "regular" });
    expect(conversationCharge("service", SERVICE_FREE_FROM, FREE_SERVICE_PER_MONTH * 5)).toEqual({
      billable: false,
      type: "free_tier",
    });
  });
});
