// Routing rules (pure): a rule sends a new conversation to a team's queue when every condition it
// names holds. Rules are tried in order; the first that matches wins.

export interface RuleConditions {
  phone_number_ids?: string[];
  /** Any of these words (whole words, any case) in the customer's message. */
  keywords?: string[];
  /** Any of these labels on the conversation. */
  labels?: string[];
  /** Any of these languages (ISO 639-1) of the customer. */
  languages?: string[];
  business_hours?: "inside" | "outside";
}

export interface RoutingFacts {
  phoneNumberId: string;
  text: string;
  labels: string[];
  language: string | null;
  insideBusinessHours: boolean;
}

const words = (text: string) =>
  new Set(
    text
      .toLocaleLowerCase()
      .split(/[^\p{L}\p{N}]+/u)
      .filter(Boolean),
  );

export function ruleMatches(c: RuleConditions, f: RoutingFacts): boolean {
  if (c.phone_number_ids?.length && !c.phone_number_ids.includes(f.phoneNumberId)) return false;
  if (c.keywords?.length) {
    const w = words(f.text);
    if (!c.keywords.some((k) => [...words(k)].every((x) => w.has(x)))) return false;
  }
  if (c.labels?.length && !c.labels.some((l) => f.labels.includes(l))) return false;
  if (c.languages?.length && (!f.language || !c.languages.includes(f.language))) return false;
  if (c.business_hours === "inside" && !f.insideBusinessHours) return false;
  if (c.business_hours === "outside" && f.insideBusinessHours) return false;
  return true;
}

export function firstMatch<R extends { conditions: RuleConditions }>(rules: R[], f: RoutingFacts): R | null {
  return rules.find((r) => ruleMatches(r.conditions, f)) ?? null;
}
