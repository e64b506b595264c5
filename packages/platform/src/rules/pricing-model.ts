// Which pricing model applies (cloud-api-reference.md §8): conversation-based (CBP) until
// 30 June 2025, per-message (PMP) from 1 July 2025. A WABA (or the deployment) may pin one model
// for every date, so both can be tried today.

export type PricingModel = "CBP" | "PMP";
export type PricingModelSetting = PricingModel | "auto";
export const PRICING_MODEL_SETTINGS: PricingModelSetting[] = ["auto", "CBP", "PMP"];

export const PER_MESSAGE_PRICING_FROM = Date.UTC(2025, 6, 1);

export function pricingModelAt(setting: PricingModelSetting, at: number): PricingModel {
  if (setting !== "auto") return setting;
  return at < PER_MESSAGE_PRICING_FROM ? "CBP" : "PMP";
}
