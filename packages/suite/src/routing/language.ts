import { countryOf } from "@openwaba/contracts";

// A customer's language, guessed from their number's country (the articles' markets and a few
// more); a contact's own setting will override it once contacts exist (issue #5).
const BY_COUNTRY: Record<string, string> = {
  PL: "pl",
  RU: "ru",
  BY: "ru",
  KZ: "ru",
  ES: "es",
  MX: "es",
  AR: "es",
  CO: "es",
  IT: "it",
  SM: "it",
  AD: "ca",
  US: "en",
  GB: "en",
  IE: "en",
  IN: "en",
  AU: "en",
  CA: "en",
  DE: "de",
  AT: "de",
  BR: "pt",
  PT: "pt",
  FR: "fr",
};

export const languageOf = (waId: string): string | null => BY_COUNTRY[countryOf(waId).country] ?? null;
