// Free entry points (cloud-api-reference.md §6, §8): a user who writes from a Click-to-WhatsApp ad
// or a Page's button gives the business 24 hours to answer; its answer opens a 72-hour window in
// which every message is free. Free-form messages still need the customer service window.

export const ENTRY_POINT_REPLY_MS = 24 * 3600 * 1000;
export const FREE_ENTRY_WINDOW_MS = 72 * 3600 * 1000;

export interface EntryPointState {
  entryPointAt: number | null;
  freeEntryUntil: number | null;
}

/**
 * The free window a message sent now falls in: one already open, or the one this message opens
 * (`opens`) by answering an entry point within 24 hours. Null: none.
 */
export function freeEntryWindow(s: EntryPointState, now: number): { until: number; opens: boolean } | null {
  if (s.freeEntryUntil !== null && now < s.freeEntryUntil) return { until: s.freeEntryUntil, opens: false };
  // A window outlasts the 24 hours to answer its entry point, so an ended one cannot be reopened.
  if (s.entryPointAt === null || now - s.entryPointAt >= ENTRY_POINT_REPLY_MS) return null;
  return { until: now + FREE_ENTRY_WINDOW_MS, opens: true };
}
