import { readFileSync } from "node:fs";
import { parseRateCard, type RateCard } from "@openwaba/contracts";

// The rate card (issue #3 item 8) the platform charges with, read from a JSON file the deployment
// may replace (OPENWABA_RATE_CARD). Its shape and prices live in contracts, shared with the suite.
export { priceConversation, priceMessage, type Price, type RateCard } from "@openwaba/contracts";

export const DEFAULT_RATE_CARD_FILE = new URL("./rate-card.default.json", import.meta.url);

export function loadRateCard(file: string | URL = DEFAULT_RATE_CARD_FILE): RateCard {
  return parseRateCard(JSON.parse(readFileSync(file, "utf8")), `rate card ${String(file)}`);
}
