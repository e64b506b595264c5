import { describe, expect, it } from "vitest";
import { asciiJson } from "./ascii-json";

describe("asciiJson", () => {
  it("escapes every non-ASCII UTF-16 unit in lowercase and keeps the same value", () => {
    const value = { body: "Dzień dobry ✓ 😀", url: "https://a.b/c" };
    const text = asciiJson(value);
    expect(text).toBe('{"body":"Dzie\\u0144 dobry \\u2713 \\ud83d\\ude00","url":"https:\\/\\/a.b\\/c"}');
    // biome-ignore lint/suspicious/noControlCharactersInRegex: the ASCII range is what is checked
    expect(/^[\x00-\x7e]*$/.test(text)).toBe(true);
    expect(JSON.parse(text)).toEqual(value);
  });
  it("leaves plain ASCII as JSON.stringify writes it, and escapes DEL", () => {
    expect(asciiJson({ a: 'x"y\n' })).toBe(JSON.stringify({ a: 'x"y\n' }));
    expect(asciiJson("\u007f")).toBe('"\\u007f"');
  });
});
