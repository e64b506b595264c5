// Country calling codes → ISO 3166 country, longest prefix first. Enough to place every number
// the simulator makes and most that businesses type; unknown prefixes give "ZZ".
const CODES: Record<string, string> = {
  "1": "US", "7": "RU", "20": "EG", "27": "ZA", "30": "GR", "31": "NL", "32": "BE", "33": "FR", "34": "ES", "36": "HU",
  "39": "IT", "40": "RO", "41": "CH", "43": "AT", "44": "GB", "45": "DK", "46": "SE", "47": "NO", "48": "PL", "49": "DE",
  "51": "PE", "52": "MX", "53": "CU", "54": "AR", "55": "BR", "56": "CL", "57": "CO", "58": "VE", "60": "MY", "61": "AU",
  "62": "ID", "63": "PH", "64": "NZ", "65": "SG", "66": "TH", "81": "JP", "82": "KR", "84": "VN", "86": "CN", "90": "TR",
  "91": "IN", "92": "PK", "93": "AF", "94": "LK", "95": "MM", "98": "IR", "212": "MA", "213": "DZ", "216": "TN",
  "234": "NG", "254": "KE", "255": "TZ", "256": "UG", "351": "PT", "352": "LU", "353": "IE", "354": "IS", "358": "FI",
  "359": "BG", "370": "LT", "371": "LV", "372": "EE", "375": "BY", "376": "AD", "380": "UA", "381": "RS", "385": "HR",
  "386": "SI", "420": "CZ", "421": "SK", "852": "HK", "880": "BD", "886": "TW", "966": "SA", "971": "AE", "972": "IL",
  "974": "QA", "994": "AZ", "995": "GE", "998": "UZ",
};

/** The calling code and country a number (digits) belongs to. */
export function countryOf(digits: string): { callingCode: string; country: string } {
  for (const len of [3, 2, 1]) {
    const cc = digits.slice(0, len);
    if (CODES[cc]) return { callingCode: cc, country: CODES[cc] };
  }
  return { callingCode: digits.slice(0, 1), country: "ZZ" };
}

/** "+1 631-555-5555" for NANP numbers, "+48 600 100 200" elsewhere: how Graph shows numbers. */
export function displayNumber(digits: string): string {
  const { callingCode } = countryOf(digits);
  const rest = digits.slice(callingCode.length);
  if (callingCode === "1" && rest.length === 10) return `+1 ${rest.slice(0, 3)}-${rest.slice(3, 6)}-${rest.slice(6)}`;
  return `+${callingCode} ${rest.replace(/(\d{3})(?=\d)/g, "$1 ")}`;
}
