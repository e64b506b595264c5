import { contextFor, fillTemplate, type CampaignAudience } from "@openwaba/contracts/suite";
import { api } from "../api";
import type { Consent } from "../contacts/consent-words";

// The message one contact of the audience would get: their parameters filled by the suite's own
// code ({{contact.name}}, {{attr.code|fallback}}), so the preview is what the server will send.

export interface ExampleContact {
  wa_id: string;
  name: string;
  language: string | null;
  timezone: string | null;
  tags: string[];
  attributes: Record<string, string>;
  consent?: Consent | null;
}

const EXAMPLES = 5;

/** A few contacts the campaign would reach: the segment's first (with consent for marketing), or the listed numbers. */
export async function exampleContacts(audience: CampaignAudience, marketing: boolean): Promise<ExampleContact[]> {
  if ("phones" in audience) {
    const found = await Promise.all(
      audience.phones.slice(0, EXAMPLES).map(async (raw) => {
        const digits = raw.replace(/\D/g, "").replace(/^00/, "");
        if (digits.length < 3) return null;
        const hits = (await api<{ data: ExampleContact[] }>("GET", `/suite/api/contacts?limit=5&q=${digits}`)).data;
        // A listed number that is no contact yet is sent with its number as the name.
        return (
          hits.find((c) => c.wa_id === digits || c.wa_id.endsWith(digits)) ?? {
            wa_id: digits,
            name: digits,
            language: null,
            timezone: null,
            tags: [],
            attributes: {},
          }
        );
      }),
    );
    return found.filter((c): c is ExampleContact => c !== null);
  }
  const s = audience.segment;
  const q = new URLSearchParams({ limit: String(EXAMPLES * 2) });
  if (s.tag) q.set("tag", s.tag);
  if (s.consent ?? (marketing ? "granted" : undefined)) q.set("consent", s.consent ?? "granted");
  for (const [k, v] of Object.entries(s.attributes ?? {})) q.set(`attr.${k}`, v);
  if (s.q) q.set("q", s.q);
  if (s.active_since_days) q.set("active_since", new Date(Date.now() - s.active_since_days * 86_400_000).toISOString());
  const list = (await api<{ data: ExampleContact[] }>("GET", `/suite/api/contacts?${q}`)).data;
  // Marketing goes only to granted consent; utility to everyone (as the suite's audience decides).
  return list.filter((c) => !marketing || c.consent?.marketing === "granted").slice(0, EXAMPLES);
}

/** Each parameter as this contact gets it (an empty one goes as "-", as the suite sends it). */
export function parametersFor(c: ExampleContact, parameters: string[]): string[] {
  const ctx = contextFor(
    { name: c.name, timezone: c.timezone, tags: JSON.stringify(c.tags), attributes: JSON.stringify(c.attributes) },
    { waId: c.wa_id, name: c.name, language: c.language, now: Date.now() },
  );
  return parameters.map((p) => fillTemplate(p, ctx) || "-");
}
