// A routing rule's conditions in words (the suite's routing/rules.ts decides; this only tells).
export interface RuleConditions {
  phone_number_ids?: string[];
  keywords?: string[];
  labels?: string[];
  languages?: string[];
  business_hours?: "inside" | "outside";
}

const either = (xs: string[]) => (xs.length <= 1 ? xs.join("") : `${xs.slice(0, -1).join(", ")} or ${xs.at(-1)}`);

/** "the message mentions “order” or “refund” · in ru · outside business hours"; no condition: every conversation. */
export function ruleWords(c: RuleConditions, numberName: (id: string) => string = (id) => id): string {
  const parts: string[] = [];
  if (c.keywords?.length) parts.push(`the message mentions ${either(c.keywords.map((k) => `“${k}”`))}`);
  if (c.languages?.length) parts.push(`the customer writes in ${either(c.languages)}`);
  if (c.labels?.length) parts.push(`labelled ${either(c.labels)}`);
  if (c.phone_number_ids?.length) parts.push(`on ${either(c.phone_number_ids.map(numberName))}`);
  if (c.business_hours) parts.push(`${c.business_hours} business hours`);
  return parts.length ? `when ${parts.join(" · ")}` : "every new conversation";
}
