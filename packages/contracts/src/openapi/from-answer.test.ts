import { describe, expect, it } from "vitest";
import { z } from "zod";
import { fromAnswer } from "./shapes";

// The registry's documented answers are read by a checker that knows a plain subset of JSON Schema
// (packages/server/src/openapi/answers-match.test.ts): what zod writes must come out in it.

describe("an answer's zod schema as the registry's JSON Schema", () => {
  const answer = z.object({
    at: z.iso.datetime(),
    count: z.int(),
    name: z.string().nullable().describe("A name, if any"),
  });

  it("writes a nullable as anyOf with null, keeping its description outside", () => {
    expect(fromAnswer(answer).properties).toMatchObject({
      name: { anyOf: [{ type: "string" }, { type: "null" }], description: "A name, if any" },
    });
  });

  it("writes an instant as a date-time string and an integer without safe-integer bounds", () => {
    const { at, count } = fromAnswer(answer).properties as Record<string, unknown>;
    expect(at).toEqual({ type: "string", format: "date-time" });
    expect(count).toEqual({ type: "integer" });
  });

  it("leaves out the $schema key, which the OpenAPI document does not carry per answer", () => {
    expect(fromAnswer(answer)).not.toHaveProperty("$schema");
    expect(fromAnswer(answer).required).toEqual(["at", "count", "name"]);
  });
});
