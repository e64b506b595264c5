// A conversation's state (pure): open, pending (waiting for the customer), snoozed (until a time)
// or resolved. A customer's message wakes it; after resolving, it starts a new cycle (a new
// first-response clock, routed again).

import type { ConversationState } from "@openwaba/store";

export type { ConversationState };
export const STATES: ConversationState[] = ["open", "pending", "snoozed", "resolved"];

const ALLOWED: Record<ConversationState, ConversationState[]> = {
  open: ["pending", "snoozed", "resolved"],
  pending: ["open", "snoozed", "resolved"],
  snoozed: ["open", "pending", "resolved"],
  resolved: ["open"],
};

export const canMove = (from: ConversationState, to: ConversationState): boolean => ALLOWED[from].includes(to);

/** What a customer's message does to a conversation in `state`. */
export function onCustomerMessage(state: ConversationState): { state: "open"; newCycle: boolean } {
  return { state: "open", newCycle: state === "resolved" };
}

/** A snoozed conversation whose time has come is open again. */
export const snoozeOver = (state: string, snoozedUntil: number | null, now: number): boolean =>
  state === "snoozed" && snoozedUntil !== null && snoozedUntil <= now;
