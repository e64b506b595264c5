import { describe, expect, it } from "vitest";
import { bodyVariableProblem, placeholders, variableProblem } from "./template-variables";

describe("template variables", () => {
  it("finds placeholders in order, tolerating inner spaces", () => {
    expect(placeholders("Hi {{1}}, order {{ 2 }} ships")).toEqual(["1", "2"]);
    expect(placeholders("no variables")).toEqual([]);
  });
  it("accepts positional variables numbered from 1 without gaps, repeated or not", () => {
    expect(variableProblem("Hi {{1}} and {{2}}", "positional", "BODY")).toBeNull();
    expect(variableProblem("Hi {{1}} and again {{1}}", "positional", "BODY")).toBeNull();
    expect(variableProblem("Hi {{1}} and {{3}}", "positional", "BODY")?.title).toBe("Variables must be sequential");
    expect(variableProblem("Hi {{2}} there", "positional", "BODY")?.title).toBe("Variables must be sequential");
    expect(variableProblem("Hi {{0}} there", "positional", "BODY")?.title).toBe("Invalid variable");
  });
  it("accepts named variables once each, lowercase", () => {
    expect(variableProblem("Hi {{first_name}}, {{order_id}}", "named", "BODY")).toBeNull();
    expect(variableProblem("Hi {{First}}", "named", "BODY")?.title).toBe("Invalid variable");
    expect(variableProblem("Hi {{a}} and {{a}}", "named", "BODY")?.title).toBe("Duplicate variable names");
    expect(variableProblem("Hi {{name}}", "positional", "BODY")?.title).toBe("Invalid variable");
  });
  it("refuses broken braces, special characters and adjacent variables", () => {
    expect(variableProblem("Hi {{1} there", "positional", "BODY")?.title).toBe("Invalid variable braces");
    expect(variableProblem("Hi {{#1}} there", "positional", "BODY")?.title).toBe("Invalid variable");
    expect(variableProblem("Hi {{1}}{{2}} there", "positional", "BODY")?.title).toBe("Adjacent variables");
    expect(variableProblem("Hi {{1}} {{2}} there", "positional", "BODY")?.title).toBe("Adjacent variables");
  });
  it("refuses a body that starts or ends with a variable (2388299)", () => {
    expect(bodyVariableProblem("{{1}} is your code for today", "positional")?.subcode).toBe(2388299);
    expect(bodyVariableProblem("Your code for today is {{1}}", "positional")?.subcode).toBe(2388299);
    expect(bodyVariableProblem("Your code for today is {{1}}.", "positional")?.subcode).toBe(2388299);
    expect(bodyVariableProblem("Your code {{1}} works for today", "positional")).toBeNull();
  });
  it("refuses too many variables for the text, on both sides of the ratio (2388293)", () => {
    // two variables need at least five words of fixed text
    expect(bodyVariableProblem("Dear {{1}} your {{2}} is ready now", "positional")).toBeNull(); // 5 words
    expect(bodyVariableProblem("Dear {{1}} your {{2}} ready", "positional")?.subcode).toBe(2388293); // 3 words
    expect(bodyVariableProblem("Hello {{1}} welcome back", "positional")).toBeNull(); // 3 words, one variable
    expect(bodyVariableProblem("Hello {{1}} back", "positional")?.subcode).toBe(2388293); // 2 words
  });
});
