import { CUSTOMER_SERVICE_WINDOW_MS } from "@openwaba/contracts";

// Pricing objects on status webhooks (cloud-api-reference.md §8, per-message pricing from
// 1 Jul 2025): free-form messages (only possible inside a window) are free; utility templates are
// free inside an open customer service window; everything in a free entry point window is free;
// every other template is charged by category.
export interface Pricing {
  billable: boolean;
  pricing_model: "PMP" | "CBP";
  type?: string;
  category: string;
}
export interface Conversation {
  id: string;
  expiration_timestamp?: string;
  origin: { type: string };
}

export function pricingFor(category: string, windowOpen: boolean, inFreeEntryWindow = false): Pricing {
  // Meta names the category of these messages vaguely; OpenWABA uses the conversation origin's word.
  if (inFreeEntryWindow)
    return { billable: false, pricing_model: "PMP", type: "free_entry_point", category: "referral_conversion" };
  if (category === "service")
    return { billable: false, pricing_model: "PMP", type: "free_customer_service", category: "service" };
  if (category === "utility" && windowOpen)
    return { billable: false, pricing_model: "PMP", type: "free_customer_service", category: "utility" };
  return { billable: true, pricing_model: "PMP", type: "regular", category };
}

/** The conversation-based model's pricing object: the category of the conversation the message fell in. */
export const conversationPricing = (category: string, billable: boolean): Pricing => ({
  billable,
  pricing_model: "CBP",
  category,
});

/**
 * The conversation object (≤v23 sends one per message): an id stable for the window it falls in,
 * and the expiration on `sent` only.
 */
export function conversationFor(
  pricing: Pricing,
  expiresAt: number,
  conversationId: string,
  withExpiry: boolean,
): Conversation {
  const c: Conversation = { id: conversationId, origin: { type: pricing.category } };
  if (withExpiry) c.expiration_timestamp = String(Math.floor(expiresAt / 1000));
  return c;
}

/** When a per-message conversation object says the window ends: the free window's end, else the service window's. */
export const conversationExpiry = (windowOpenedAt: number, freeEntryUntil: number | null): number =>
  freeEntryUntil ?? windowOpenedAt + CUSTOMER_SERVICE_WINDOW_MS;

/** Statuses that carry pricing: `sent`, and `delivered` (or `read` when delivery was skipped). */
export const carriesPricing = (status: string): boolean => status === "sent" || status === "delivered";
