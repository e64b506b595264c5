import type { MarketingConsent } from "@openwaba/store";

// The suite's one consent model (issue #10 item 10): a contact's marketing consent — granted,
// revoked or never asked — with where it came from and when, kept on the contact and read from
// there by the contacts list, the thread's customer panel and a campaign's audience alike.
//
// The customer's own choice in WhatsApp (STOP / resume, Meta's user_preferences webhook) is one
// of its sources, and the strongest: while a customer has stopped marketing messages, Meta refuses
// them (131050) whatever the business recorded, so no record of the business (a CSV, the console,
// an entry point) changes that consent; only the customer's resume does. Consent is about
// marketing only: utility and authentication templates are not held back by it.

export const WHATSAPP_PREFERENCE = "whatsapp_user_preferences";

export type { MarketingConsent };
/** The consent columns of a contact. */
export interface ConsentState {
  marketing_consent: MarketingConsent | null;
  consent_source: string | null;
  consent_at: number | null;
}
/** Why consent keeps a template from a contact. */
export type ConsentExclusion = "no_consent" | "consent_revoked" | "opted_out";

export const stoppedInWhatsApp = (c: ConsentState | undefined): boolean =>
  c?.marketing_consent === "revoked" && c.consent_source === WHATSAPP_PREFERENCE;

/**
 * The consent after a change is stated, or null when the change does not apply: a business's
 * record while the customer has stopped in WhatsApp, or a WhatsApp preference older than the
 * consent it would replace (webhooks may arrive out of order). A STOP overrides what the business
 * recorded whenever it was written.
 */
export function nextConsent(
  current: ConsentState | undefined,
  change: { consent: MarketingConsent; source: string; at: number },
): ConsentState | null {
  const next = { marketing_consent: change.consent, consent_source: change.source, consent_at: change.at };
  if (!current?.marketing_consent) return next;
  if (change.source !== WHATSAPP_PREFERENCE) return stoppedInWhatsApp(current) ? null : next;
  const older = current.consent_at !== null && current.consent_at > change.at;
  if (change.consent === "revoked") return older && current.consent_source === WHATSAPP_PREFERENCE ? null : next;
  return older ? null : next;
}

/** What keeps a template of this category from the contact, if anything: only marketing needs consent. */
export function consentExclusion(c: ConsentState | undefined, category: string): ConsentExclusion | null {
  if (category.toUpperCase() !== "MARKETING") return null;
  if (stoppedInWhatsApp(c)) return "opted_out";
  if (c?.marketing_consent === "revoked") return "consent_revoked";
  return c?.marketing_consent === "granted" ? null : "no_consent";
}

/** The consent as the suite API shows it, on a contact and in a thread's customer panel alike. */
export const presentConsent = (c: ConsentState) =>
  c.marketing_consent
    ? {
        marketing: c.marketing_consent,
        source: c.consent_source,
        at: new Date(c.consent_at!).toISOString(),
        stopped_in_whatsapp: stoppedInWhatsApp(c),
      }
    : null;
