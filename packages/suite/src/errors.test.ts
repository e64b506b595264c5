import { describe, expect, it } from "vitest";
import { z } from "zod";
import { parseBody, SuiteError } from "./errors";

// A refusal names the field and says the limit in plain words, not the schema library's.
const text = z.strictObject({
  text: z.strictObject({ body: z.string().min(1).max(4096) }),
  tags: z.array(z.string()).max(3).optional(),
  code: z.string().min(4).optional(),
});
const refusal = (raw: unknown) => {
  try {
    parseBody(text, raw);
  } catch (e) {
    return e as SuiteError;
  }
  throw new Error("accepted");
};

describe("the suite's bad-input words", () => {
  it("says the limit and the field", () => {
    expect(parseBody(text, { text: { body: "x".repeat(4096) } }).text.body).toHaveLength(4096);
    expect(refusal({ text: { body: "x".repeat(4097) } })).toMatchObject({
      status: 400,
      message: "text.body: at most 4096 characters (this has more)",
      extra: { field: "text.body" },
    });
    expect(refusal({ text: { body: "" } }).message).toBe("text.body: must not be empty");
    expect(refusal({ text: { body: "a" }, code: "abc" }).message).toBe("code: at least 4 characters");
    expect(refusal({ text: { body: "a" }, tags: ["a", "b", "c", "d"] }).message).toBe("tags: at most 3 items");
  });
});
