// Conversation-based pricing (cloud-api-reference.md §8, 1 June 2023 – 30 June 2025): one charge
// per 24-hour conversation per category. A template opens a conversation of its category unless
// one of that category is open; a free-form message rides on any open conversation or opens a
// service one. An answer to a free entry point opens a free 72-hour conversation that covers
// everything while it lasts. Pure: the caller reads the open conversations and stores the result.

export const CONVERSATION_MS = 24 * 3600 * 1000;
export const ENTRY_POINT_CATEGORY = "referral_conversion";
/** Service conversations are free from 1 November 2024; before, the first 1,000 a month per WABA. */
export const SERVICE_FREE_FROM = Date.UTC(2024, 10, 1);
export const FREE_SERVICE_PER_MONTH = 1000;

export interface OpenConversation {
  id: string;
  category: string;
  expiresAt: number;
}
export type ConversationChoice = { join: OpenConversation } | { open: { category: string; expiresAt: number } };

export function conversationToJoin(
  category: string,
  open: OpenConversation[],
  freeEntryUntil: number | null,
  now: number,
): ConversationChoice {
  const live = open.filter((c) => c.expiresAt > now).sort((a, b) => b.expiresAt - a.expiresAt);
  const entry = live.find((c) => c.category === ENTRY_POINT_CATEGORY);
  if (entry) return { join: entry };
  if (freeEntryUntil !== null && freeEntryUntil > now)
    return { open: { category: ENTRY_POINT_CATEGORY, expiresAt: freeEntryUntil } };
  const same = category === "service" ? live[0] : live.find((c) => c.category === category);
  return same ? { join: same } : { open: { category, expiresAt: now + CONVERSATION_MS } };
}

/** Whether a new conversation is charged, and the ledger's word for why not. */
export function conversationCharge(
  category: string,
  now: number,
  serviceConversationsThisMonth: number,
): { billable: boolean; type: string } {
  if (category === ENTRY_POINT_CATEGORY) return { billable: false, type: "free_entry_point" };
  if (category !== "service") return { billable: true, type: "regular" };
  if (now >= SERVICE_FREE_FROM || serviceConversationsThisMonth < FREE_SERVICE_PER_MONTH)
    return { billable: false, type: "free_tier" };
  return { billable: true, type: "regular" };
}
