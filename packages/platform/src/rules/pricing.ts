import { CUSTOMER_SERVICE_WINDOW_MS } from "./customer-service-window";

// Pricing objects on status webhooks (cloud-api-reference.md §8, per-message pricing from
// 1 Jul 2025): free-form messages (only possible inside a window) are free; utility templates are
// free inside an open customer service window; every other template is charged by category.
export interface Pricing { billable: boolean; pricing_model: "PMP"; type: string; category: string }
export interface Conversation { id: string; expiration_timestamp?: string; origin: { type: string } }

export function pricingFor(category: string, windowOpen: boolean): Pricing {
  if (category === "service") return { billable: false, pricing_model: "PMP", type: "free_customer_service", category: "service" };
  if (category === "utility" && windowOpen) return { billable: false, pricing_model: "PMP", type: "free_customer_service", category: "utility" };
  return { billable: true, pricing_model: "PMP", type: "regular", category };
}

/**
 * The conversation object (≤v23 sends one per message): an id stable for the window it falls in,
 * and the expiration on `sent` only.
 */
export function conversationFor(pricing: Pricing, windowOpenedAt: number, conversationId: string, withExpiry: boolean): Conversation {
  const c: Conversation = { id: conversationId, origin: { type: pricing.category } };
  if (withExpiry) c.expiration_timestamp = String(Math.floor((windowOpenedAt + CUSTOMER_SERVICE_WINDOW_MS) / 1000));
  return c;
}

/** Statuses that carry pricing: `sent`, and `delivered` (or `read` when delivery was skipped). */
export const carriesPricing = (status: string): boolean => status === "sent" || status === "delivered";
