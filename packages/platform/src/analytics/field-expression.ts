import { GraphError } from "@openwaba/contracts";

// Graph's field expressions: `analytics.start(1693526400).end(1696118400).granularity(DAY)
// .phone_numbers([]).country_codes(["US"])`. Fields are separated by commas outside brackets.

export interface FieldExpression {
  name: string;
  args: Record<string, unknown>;
}

/** Splits a fields parameter at the commas that are not inside (), [] or "". */
export function splitFields(fields: string): string[] {
  const out: string[] = [];
  let depth = 0,
    quoted = false,
    start = 0;
  for (let i = 0; i < fields.length; i++) {
    const c = fields[i];
    if (c === '"') quoted = !quoted;
    else if (!quoted && (c === "(" || c === "[")) depth++;
    else if (!quoted && (c === ")" || c === "]")) depth--;
    else if (!quoted && depth === 0 && c === ",") {
      out.push(fields.slice(start, i).trim());
      start = i + 1;
    }
  }
  out.push(fields.slice(start).trim());
  return out.filter(Boolean);
}

/** Parses one field with its modifiers; arguments are numbers, bare words or JSON arrays. */
export function parseFieldExpression(field: string): FieldExpression {
  const m = /^([a-z_]+)((?:\.[a-z_]+\([^()]*\))*)$/.exec(field.replace(/\s+/g, ""));
  if (!m) throw new GraphError(100, `Syntax error in the field expression "${field}".`);
  const args: Record<string, unknown> = {};
  for (const [, key, raw] of m[2].matchAll(/\.([a-z_]+)\(([^()]*)\)/g)) {
    if (/^-?\d+(\.\d+)?$/.test(raw)) args[key] = Number(raw);
    else if (raw.startsWith("[")) {
      try {
        args[key] = JSON.parse(raw.replace(/'/g, '"'));
      } catch {
        throw new GraphError(100, `Param ${key} of ${m[1]} must be a JSON array.`);
      }
    } else args[key] = raw.replace(/^"|"$/g, "");
  }
  return { name: m[1], args };
}
