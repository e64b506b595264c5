import { parsePhoneNumberFromString } from "libphonenumber-js/min";

// Where a number belongs, from its calling code and national prefix (libphonenumber's metadata):
// the simulator places its users with it and pricing picks the market from it.

/** The calling code and ISO country of a number given as digits ("ZZ" when unknown). */
export function countryOf(digits: string): { callingCode: string; country: string } {
  const p = parsePhoneNumberFromString(`+${digits}`);
  if (p?.country) return { callingCode: p.countryCallingCode, country: p.country };
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
