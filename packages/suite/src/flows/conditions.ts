import { type Condition, resolvePath, type FlowContext } from "@openwaba/contracts/suite";
import { fold } from "./reply-validation";

// A branch node's conditions on the reply, the contact's attributes and tags, the run's variables
// or the last HTTP answer. Pure. Texts compare without case or accents; gt/lt compare numbers when
// both sides are numbers, else text (ISO dates order correctly as text).

export function holds(c: Condition, ctx: FlowContext): boolean {
  if ("all" in c) return c.all.every((x) => holds(x, ctx));
  if ("any" in c) return c.any.some((x) => holds(x, ctx));
  if ("not" in c) return !holds(c.not, ctx);
  const v = resolvePath(ctx, c.var);
  const present = v !== undefined && v !== null && v !== "";
  switch (c.op) {
    case "exists":
      return present;
    case "not_exists":
      return !present;
    case "eq":
      return same(v, c.value);
    case "neq":
      return !same(v, c.value);
    case "in":
      return Array.isArray(c.value) && c.value.some((x) => same(v, x));
    case "contains":
      if (Array.isArray(v)) return v.some((x) => same(x, c.value));
      return present && fold(String(v)).includes(fold(String(c.value ?? "")));
    case "starts_with":
      return present && fold(String(v)).startsWith(fold(String(c.value ?? "")));
    case "matches":
      try {
        return present && new RegExp(String(c.value ?? ""), "i").test(String(v).slice(0, 1000));
      } catch {
        return false;
      }
    case "gt":
      return present && compare(v, c.value) > 0;
    case "gte":
      return present && compare(v, c.value) >= 0;
    case "lt":
      return present && compare(v, c.value) < 0;
    case "lte":
      return present && compare(v, c.value) <= 0;
  }
}

const num = (x: unknown): number | null => {
  if (typeof x === "number") return x;
  if (typeof x === "string" && /^\s*-?\d+(\.\d+)?\s*$/.test(x)) return Number(x);
  return null;
};

function same(a: unknown, b: unknown): boolean {
  const na = num(a),
    nb = num(b);
  if (na !== null && nb !== null) return na === nb;
  if (typeof a === "boolean" || typeof b === "boolean") return String(a) === String(b);
  return fold(String(a ?? "")) === fold(String(b ?? ""));
}

function compare(a: unknown, b: unknown): number {
  const na = num(a),
    nb = num(b);
  if (na !== null && nb !== null) return na - nb;
  return String(a).localeCompare(String(b));
}
