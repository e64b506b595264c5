import { displayNumber, isTestNumber } from "@openwaba/contracts/calling-codes";

// Phone numbers as people read them, everywhere the console shows one: the contracts' own
// formatting (libphonenumber's, as Graph's display_phone_number has it), so a number reads the
// same in the phone view, the pickers and the Numbers page.

const digitsOf = (n: string) => n.replace(/\D/g, "");

/** "+1 555-829-6057", "+48 600 100 200", from digits ("15558296057"), E.164 or a number already written so. */
export function formatNumber(n: string): string {
  const d = digitsOf(n);
  return d.length >= 7 ? displayNumber(d) : n;
}

/** A +1 555 number is a test number (Meta's, or this server's development numbers): said so, not a country nobody has. */
export const testNumber = (n: string): boolean => isTestNumber(digitsOf(n));
