import type { z } from "zod";
import { GraphError } from "./graph-error";

/** Graph writes parameter paths as text['body'] and buttons[0]. */
export function graphPath(path: readonly PropertyKey[]): string {
  return path.map((p, i) => (typeof p === "number" ? `[${p}]` : i === 0 ? String(p) : `['${String(p)}']`)).join("");
}

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let v: any = input;
  for (const p of path) {
    if (v == null || typeof v !== "object") return undefined;
    v = v[p as any];
  }
  return v;
}

const kindOf = (expected: string) =>
  expected === "string"
    ? "a string"
    : expected === "number"
      ? "a number"
      : expected === "boolean"
        ? "a boolean"
        : expected === "array"
          ? "an array"
          : expected === "object"
            ? "an object"
            : expected;

/**
 * The first schema issue as Meta reports it: 131008 for a missing parameter, 100 for a wrong type,
 * length, unknown key or value, 131009 for a value that breaks a rule between fields.
 */
export function paramError(issue: z.core.$ZodIssue, input: unknown, prefix: readonly PropertyKey[] = []): GraphError {
  const path = [...prefix, ...issue.path];
  const name = graphPath(path);
  switch (issue.code) {
    case "invalid_type":
      if (valueAt(input, issue.path) === undefined) return new GraphError(131008, `The parameter ${name} is required.`);
      return new GraphError(100, `Param ${name} must be ${kindOf(issue.expected)}.`);
    case "too_big":
      if (issue.origin === "string")
        return new GraphError(100, `Param ${name} must be at most ${issue.maximum} characters long.`);
      if (issue.origin === "array")
        return new GraphError(131009, `Param ${name} must have at most ${issue.maximum} items.`);
      return new GraphError(100, `Param ${name} must be at most ${issue.maximum}.`);
    case "too_small":
      if (issue.origin === "string")
        return new GraphError(100, `Param ${name} must be at least ${issue.minimum} characters long.`);
      if (issue.origin === "array")
        return new GraphError(131009, `Param ${name} must have at least ${issue.minimum} items.`);
      return new GraphError(100, `Param ${name} must be at least ${issue.minimum}.`);
    case "unrecognized_keys":
      return new GraphError(100, `Unexpected key "${issue.keys[0]}" on param "${name}".`);
    case "invalid_value":
      if (valueAt(input, issue.path) === undefined) return new GraphError(131008, `The parameter ${name} is required.`);
      return new GraphError(100, `Param ${name} must be one of {${issue.values.map(String).join(", ")}}.`);
    case "invalid_union": {
      const options = (issue as { options?: unknown[] }).options;
      if ((issue as { note?: string }).note === "No matching discriminator" && options) {
        if (valueAt(input, issue.path) === undefined)
          return new GraphError(131008, `The parameter ${name} is required.`);
        return new GraphError(100, `Param ${name} must be one of {${options.map(String).join(", ")}}.`);
      }
      // Report the branch that says most: not the `""` (clear the field) alternative.
      const clears = (e: z.core.$ZodIssue[]) => e[0]?.code === "invalid_value" && e[0].values.every((v) => v === "");
      const first = (issue.errors?.find((e) => !clears(e)) ?? issue.errors?.[0])?.[0];
      return first
        ? paramError(first, valueAt(input, issue.path), path)
        : new GraphError(100, `Param ${name} is invalid.`);
    }
    case "invalid_format":
      return new GraphError(100, `Param ${name} must be a valid ${issue.format === "url" ? "URL" : issue.format}.`);
    case "custom": {
      const rule = (issue.params as any)?.rule;
      if (rule === "id_or_link") {
        const v = valueAt(input, issue.path) as any;
        return v?.id !== undefined && v?.link !== undefined
          ? new GraphError(100, `Param ${name} must have either id or link, not both.`)
          : new GraphError(131008, `The parameter ${name}['id'] or ${name}['link'] is required.`);
      }
      return new GraphError(131009, `Param ${name}: ${issue.message}.`);
    }
    default:
      return new GraphError(100, `Param ${name} is invalid.`);
  }
}

/** Parses with a schema, or throws the first issue as Meta reports it (paths under `prefix`). */
export function parseParams<T>(schema: z.ZodType<T>, input: unknown, prefix: readonly PropertyKey[] = []): T {
  const r = schema.safeParse(input);
  if (!r.success) throw paramError(r.error.issues[0], input, prefix);
  return r.data;
}
