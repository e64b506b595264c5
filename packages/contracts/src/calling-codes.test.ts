import { describe, expect, it } from "vitest";
import { countryOf, displayNumber, isTestNumber, normaliseNumber } from "./calling-codes";

describe("calling codes", () => {
  it("finds the longest matching prefix", () => {
    expect(countryOf("48600100200")).toEqual({ callingCode: "48", country: "PL" });
    expect(countryOf("37612345")).toEqual({ callingCode: "376", country: "AD" });
    expect(countryOf("16505551234")).toEqual({ callingCode: "1", country: "US" });
    expect(countryOf("79001234567").country).toBe("RU");
    expect(countryOf("99912345").country).toBe("ZZ");
  });
  it("places a +1 555 test number in the US instead of nowhere (ZZ), and knows it for a test number", () => {
    expect(countryOf("15558296057")).toEqual({ callingCode: "1", country: "US" });
    expect(isTestNumber("15558296057")).toBe(true);
    expect(isTestNumber("+15558296057")).toBe(true);
    expect(isTestNumber("16505551234")).toBe(false); // a real US number with 555 inside
    expect(isTestNumber("155582960571")).toBe(false);
    expect(countryOf("10001234567").country).toBe("ZZ"); // no area code 000 anywhere
  });
  it("formats numbers as Graph shows them", () => {
    expect(displayNumber("16315555555")).toBe("+1 631-555-5555");
    expect(displayNumber("48600100200")).toBe("+48 600 100 200");
    expect(displayNumber("15558296057")).toBe("+1 555-829-6057");
  });
});

describe("normalising numbers people type", () => {
  it("accepts international forms and national ones with a default country, to E.164 digits", () => {
    expect(normaliseNumber("+48 600 100 200")).toBe("48600100200");
    expect(normaliseNumber("0048 600-100-200")).toBe("48600100200");
    expect(normaliseNumber("600 100 200", "PL")).toBe("48600100200");
    expect(normaliseNumber("48600100200")).toBe("48600100200");
    expect(normaliseNumber("12345")).toBeNull();
    expect(normaliseNumber("")).toBeNull();
  });
});
