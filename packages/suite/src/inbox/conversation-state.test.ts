import { describe, expect, it } from "vitest";
import { canMove, onCustomerMessage, snoozeOver } from "./conversation-state";

describe("conversation states", () => {
  it("reopens a resolved conversation as a new cycle when the customer writes", () => {
    expect(onCustomerMessage("resolved")).toEqual({ state: "open", newCycle: true });
    expect(onCustomerMessage("pending")).toEqual({ state: "open", newCycle: false });
    expect(onCustomerMessage("snoozed")).toEqual({ state: "open", newCycle: false });
  });
  it("lets agents resolve from any open state but only reopen a resolved one", () => {
    expect(canMove("open", "resolved")).toBe(true);
    expect(canMove("resolved", "pending")).toBe(false);
    expect(canMove("resolved", "open")).toBe(true);
    expect(canMove("open", "open")).toBe(false);
  });
  it("wakes a snoozed conversation at its time, not a millisecond before", () => {
    expect(snoozeOver("snoozed", 1000, 999)).toBe(false);
    expect(snoozeOver("snoozed", 1000, 1000)).toBe(true);
    expect(snoozeOver("open", 1000, 5000)).toBe(false);
  });
});
