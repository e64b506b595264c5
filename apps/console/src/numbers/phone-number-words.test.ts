import { describe, expect, it } from "vitest";
import { formatNumber, testNumber } from "./phone-number-words";

describe("phone numbers in the console", () => {
  it("writes a number as people read it, however it came", () => {
    expect(formatNumber("15558296057")).toBe("+1 555-829-6057");
    expect(formatNumber("+15558296057")).toBe("+1 555-829-6057");
    expect(formatNumber("+1 555-829-6057")).toBe("+1 555-829-6057");
    expect(formatNumber("48600100200")).toBe("+48 600 100 200");
    expect(formatNumber("")).toBe("");
  });
  it("knows a +1 555 number for a test number", () => {
    expect(testNumber("+1 555-829-6057")).toBe(true);
    expect(testNumber("48600100200")).toBe(false);
  });
});
