import { describe, expect, it } from "vitest";
import { senderOf } from "./present";

// Who sent a message, as the thread labels its bubble: an agent by name, a campaign, the Cloud
// API (other software with the number), else a bot; the customer's own messages have no sender.
describe("the sender of a message", () => {
  const names = new Map([["u1", "Ana"]]);
  it("names the agent who wrote it, a note included", () => {
    expect(senderOf({ direction: "out", author_id: "u1" }, { body: "hi" }, names)).toEqual({
      kind: "agent",
      id: "u1",
      name: "Ana",
    });
    expect(senderOf({ direction: "note", author_id: "u1" }, { body: "VIP" }, names)).toEqual({
      kind: "agent",
      id: "u1",
      name: "Ana",
    });
    expect(senderOf({ direction: "out", author_id: "u2" }, {}, names)).toEqual({ kind: "agent", id: "u2", name: null });
  });
  it("tells a campaign's message, a Cloud API send and a bot's apart", () => {
    expect(
      senderOf(
        { direction: "out", author_id: null },
        { name: "winter_sale", campaign: { id: "c1", name: "Winter sale" } },
      ),
    ).toEqual({ kind: "campaign", id: "c1", name: "Winter sale" });
    expect(senderOf({ direction: "out", author_id: null }, { body: "Your order shipped", origin: "api" })).toEqual({
      kind: "api",
    });
    expect(senderOf({ direction: "out", author_id: null }, { body: "Welcome!" })).toEqual({ kind: "bot" });
  });
  it("gives the customer's messages none", () => {
    expect(senderOf({ direction: "in", author_id: null }, { body: "hello", origin: "api" })).toBeNull();
  });
});
