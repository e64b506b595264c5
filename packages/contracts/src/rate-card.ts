import { z } from "zod";
import { countryOf } from "./calling-codes";

// A rate card: per-message rates by recipient market and pricing category (per-conversation
// rates for the conversation-based model), as Meta publishes them. Pure: the platform charges
// delivered messages with it; the suite estimates a campaign's cost with the same card.
const rates = z.record(z.string(), z.number().min(0));
export const rateCardSchema = z.object({
  currency: z.string().length(3),
  effective_from: z.string().optional(),
  description: z.string().optional(),
  default: rates,
  markets: z.record(z.string().regex(/^[A-Z]{2}$/), rates),
  /** Per-conversation rates of the conversation-based model; absent: its conversations cost nothing. */
  conversations: z.object({ default: rates, markets: z.record(z.string().regex(/^[A-Z]{2}$/), rates) }).optional(),
});
export type RateCard = z.infer<typeof rateCardSchema>;

/** A rate card from its JSON, or an error naming what is wrong. */
export function parseRateCard(raw: unknown, where = "rate card"): RateCard {
  const r = rateCardSchema.safeParse(raw);
  if (!r.success) throw new Error(`${where}: ${r.error.issues[0].path.join(".")}: ${r.error.issues[0].message}`);
  return r.data;
}

export interface Price {
  country: string;
  amountMicros: number;
  currency: string;
}

/** What one delivered message of `category` to this number costs, in micro-units of the card's currency. */
export const priceMessage = (c: RateCard, waId: string, category: string): Price => price(c, c, waId, category);

/** What one conversation of `category` with this number costs (conversation-based model). */
export const priceConversation = (c: RateCard, waId: string, category: string): Price =>
  price(c, c.conversations ?? { default: {}, markets: {} }, waId, category);

function price(c: RateCard, table: Pick<RateCard, "default" | "markets">, waId: string, category: string): Price {
  const { country } = countryOf(waId);
  const rate = table.markets[country]?.[category] ?? table.default[category] ?? 0;
  return { country, amountMicros: Math.round(rate * 1_000_000), currency: c.currency };
}
