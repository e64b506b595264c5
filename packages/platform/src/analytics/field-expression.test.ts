import { describe, expect, it } from "vitest";
import { parseFieldExpression, splitFields } from "./field-expression";

describe("field expressions", () => {
  it("splits fields at top-level commas only", () => {
    expect(splitFields('id,analytics.start(1).country_codes(["US","PL"]),name')).toEqual([
      "id",
      'analytics.start(1).country_codes(["US","PL"])',
      "name",
    ]);
  });
  it("parses modifiers with numbers, words and arrays", () => {
    expect(
      parseFieldExpression(
        "analytics.start(1693526400).end(1696118400).granularity(DAY).phone_numbers([]).product_types([0,2])",
      ),
    ).toEqual({
      name: "analytics",
      args: { start: 1693526400, end: 1696118400, granularity: "DAY", phone_numbers: [], product_types: [0, 2] },
    });
    expect(parseFieldExpression("id")).toEqual({ name: "id", args: {} });
  });
  it("refuses broken expressions with Graph's error 100", () => {
    const details = (f: string) => {
      try {
        parseFieldExpression(f);
      } catch (e) {
        return `${(e as any).code} ${(e as any).details}`;
      }
      return "accepted";
    };
    expect(details("analytics.start(1")).toMatch(/^100 Syntax error/);
    expect(details("analytics.country_codes([US)")).toMatch(/^100 Param country_codes/);
  });
});
