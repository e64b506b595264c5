import { parsePhoneNumberFromString } from "libphonenumber-js/min";

// Where a number belongs, from its calling code and national prefix (libphonenumber's metadata):
// the simulator places its users with it and pricing picks the market from it.

/**
 * Meta's test business numbers (and this platform's development numbers): +1 555 … numbers, an
 * area code no NANP region has, so libphonenumber places them nowhere.
 */
export const isTestNumber = (digits: string): boolean => /^1555\d{7}$/.test(digits.replace(/^\+/, ""));

/** The calling code and ISO country of a number given as digits ("ZZ" when unknown). */
export function countryOf(digits: string): { callingCode: string; country: string } {
  const p = parsePhoneNumberFromString(`+${digits}`);
  if (p?.country) return { callingCode: p.countryCallingCode, country: p.country };
  // A test number is a US number where Meta has one (its market, language and zone are the US's).
  if (isTestNumber(digits)) return { callingCode: "1", country: "US" };
  return { callingCode: p?.countryCallingCode ?? digits.slice(0, 1), country: "ZZ" };
}

/** "+1 631-555-5555" for NANP numbers, "+48 600 100 200" elsewhere: how Graph shows numbers. */
export function displayNumber(digits: string): string {
  const p = parsePhoneNumberFromString(`+${digits}`);
  if (!p) return `+${digits}`;
  if (p.countryCallingCode === "1" && p.nationalNumber.length === 10) {
    const n = p.nationalNumber;
    return `+1 ${n.slice(0, 3)}-${n.slice(3, 6)}-${n.slice(6)}`;
  }
  return p.formatInternational();
}

/**
 * A phone number as people write it ("+48 600 100 200", "600-100-200" with a default country)
 * turned into E.164 digits without the plus, or null when it is not a valid number.
 */
export function normaliseNumber(raw: string, defaultCountry?: string): string | null {
  const text = raw.trim().replace(/^00/, "+");
  if (!text) return null;
  const p = parsePhoneNumberFromString(
    text.startsWith("+") ? text : /^\d{10,15}$/.test(text) && !defaultCountry ? `+${text}` : text,
    defaultCountry as never,
  );
  return p && p.isValid() ? p.number.slice(1) : null;
}
