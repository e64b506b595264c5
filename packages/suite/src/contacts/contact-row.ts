import { normaliseNumber } from "@openwaba/contracts";
import { isTimeZone } from "@openwaba/contracts/suite";

// One contact as a business writes it (a CSV row or an API body), checked and normalised (pure).
// Known columns: phone (or wa_id / number), name, language, timezone, tags ("a; b"), consent
// (yes/no…); every other non-empty column becomes a custom attribute.

export interface ContactInput {
  wa_id: string;
  name: string | null;
  language: string | null;
  timezone: string | null;
  tags: string[];
  attributes: Record<string, string>;
  consent: "granted" | "revoked" | null;
}

const PHONE = ["phone", "wa_id", "number", "phone_number", "mobile"];
/** Whether a file's column names include one for the phone number. */
export const hasPhoneColumn = (names: string[]) => names.some((n) => PHONE.includes(n.trim().toLowerCase()));
const KNOWN = new Set([
  ...PHONE,
  "name",
  "language",
  "timezone",
  "time_zone",
  "tags",
  "consent",
  "marketing_consent",
  "opt_in",
]);
const YES = new Set(["yes", "y", "true", "1", "granted", "opt-in", "optin", "tak", "sí", "si", "да", "sì"]);
const NO = new Set(["no", "n", "false", "0", "revoked", "opt-out", "optout", "nie", "нет"]);

export function contactFromRow(
  row: Record<string, string | undefined>,
  defaultCountry?: string,
): { ok: true; contact: ContactInput } | { ok: false; error: string } {
  const lower = Object.fromEntries(Object.entries(row).map(([k, v]) => [k.trim().toLowerCase(), (v ?? "").trim()]));
  const rawPhone = PHONE.map((k) => lower[k]).find((v) => v);
  if (!rawPhone) return { ok: false, error: "no phone number (a column named phone, wa_id or number)" };
  const waId = normaliseNumber(rawPhone, defaultCountry);
  if (!waId)
    return {
      ok: false,
      error: `"${rawPhone}" is not a valid phone number${defaultCountry ? "" : " (write it with + and the country code, or give a default country)"}`,
    };
  const tz = lower.timezone || lower.time_zone || null;
  if (tz && !isTimeZone(tz)) return { ok: false, error: `"${tz}" is not a time zone (e.g. Europe/Warsaw)` };
  const lang = lower.language || null;
  if (lang && !/^[a-z]{2}(_[A-Z]{2})?$/.test(lang))
    return { ok: false, error: `"${lang}" is not a language code (e.g. pl or pt_BR)` };
  const consentRaw = (lower.consent || lower.marketing_consent || lower.opt_in || "").toLowerCase();
  const consent = !consentRaw ? null : YES.has(consentRaw) ? "granted" : NO.has(consentRaw) ? "revoked" : undefined;
  if (consent === undefined) return { ok: false, error: `consent "${consentRaw}" is neither yes nor no` };
  const attributes: Record<string, string> = {};
  for (const [k, v] of Object.entries(lower))
    if (!KNOWN.has(k) && v && k) attributes[k.replace(/^attr\./, "")] = v.slice(0, 1000);
  // Tags are lower-case, so that a segment by tag finds the same contacts on every database.
  const tags = [
    ...new Set(
      (lower.tags ?? "")
        .split(/[;|,]/)
        .map((t) => t.trim().toLowerCase())
        .filter(Boolean),
    ),
  ].slice(0, 50);
  return {
    ok: true,
    contact: { wa_id: waId, name: lower.name || null, language: lang, timezone: tz, tags, attributes, consent },
  };
}
