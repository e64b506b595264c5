import type { Consent } from "@openwaba/contracts/suite";

// A contact's marketing consent in words — one way, wherever it is shown: the contacts list, a
// contact's page, the thread's customer panel and what a campaign leaves out. The suite keeps one
// consent per contact (packages/suite/src/contacts/consent.ts); a STOP in WhatsApp is a
// withdrawal only the customer can lift.

export type { Consent };
export type ConsentState = "granted" | "revoked" | "stopped" | "none";

export const CONSENT_STATE_WORDS: Record<ConsentState, string> = {
  granted: "granted",
  revoked: "withdrawn",
  stopped: "stopped in WhatsApp",
  none: "not asked",
};

export const consentState = (c: Consent | null | undefined): ConsentState =>
  !c ? "none" : c.stopped_in_whatsapp ? "stopped" : c.marketing;

/** Where a consent came from: "CSV import", "by ana@shop.pl", "in WhatsApp", "QR code 4F2K…". */
export function consentSourceWords(source: string | null): string {
  if (!source) return "";
  if (source === "csv_import") return "CSV import";
  if (source === "whatsapp_user_preferences") return "in WhatsApp";
  const [kind, rest] = [source.slice(0, source.indexOf(":")), source.slice(source.indexOf(":") + 1)];
  if (kind === "console") return `by ${rest}`;
  if (kind === "qr") return `QR code ${rest}`;
  if (kind === "widget") return "website chat widget";
  return source;
}

/** "granted · CSV import", "withdrawn · by ana@shop.pl", "stopped in WhatsApp", "not asked". */
export function consentWords(c: Consent | null | undefined): string {
  const state = consentState(c);
  const from = state === "stopped" || !c ? "" : consentSourceWords(c.source);
  return from ? `${CONSENT_STATE_WORDS[state]} · ${from}` : CONSENT_STATE_WORDS[state];
}
