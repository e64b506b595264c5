import { readFileSync } from "node:fs";
import { z } from "zod";
import { countryOf } from "@openwaba/contracts";

// The rate card (issue #3 item 8): per-message rates by recipient market and category, read from
// a JSON file the deployment may replace (OPENWABA_RATE_CARD). Money is kept in micro-units.
const rates = z.record(z.string(), z.number().min(0));
const card = z.object({
  currency: z.string().length(3),
  effective_from: z.string().optional(),
  description: z.string().optional(),
  default: rates,
  markets: z.record(z.string().regex(/^[A-Z]{2}$/), rates),
  /** Per-conversation rates of the conversation-based model; absent: its conversations cost nothing. */
  conversations: z.object({ default: rates, markets: z.record(z.string().regex(/^[A-Z]{2}$/), rates) }).optional(),
});
export type RateCard = z.infer<typeof card>;

export const DEFAULT_RATE_CARD_FILE = new URL("./rate-card.default.json", import.meta.url);

export function loadRateCard(file: string | URL = DEFAULT_RATE_CARD_FILE): RateCard {
  const r = card.safeParse(JSON.parse(readFileSync(file, "utf8")));
  if (!r.success) throw new Error(`rate card ${String(file)}: ${r.error.issues[0].path.join(".")}: ${r.error.issues[0].message}`);
  return r.data;
}

export interface Price { country: string; amountMicros: number; currency: string }

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
