import { normaliseNumber } from "@openwaba/contracts";
import type { ChoiceOption, Validation } from "@openwaba/contracts/suite";

// Does a customer's reply answer the question asked (an "ask" node's validation)? Pure; the value
// it returns is what the flow stores (an option's id, a number, an ISO date, an E.164 number…).

export interface CustomerReply {
  type: string;
  /** What the customer wrote, or the title of the button or row they tapped. */
  text: string;
  /** The id of the tapped button or list row, or a template quick reply's payload. */
  id: string | null;
}

export type ReplyCheck = { ok: true; value: string } | { ok: false; reason: string };

/** Lower case without accents or surrounding punctuation: "Sí!" and "si" are one answer. */
export const fold = (s: string) =>
  s
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/^[\p{P}\s]+|[\p{P}\s]+$/gu, "")
    .replace(/\s+/g, " ");

const EMAIL = /^[^\s@]{1,64}@[^\s@.]+(\.[^\s@.]+)+$/;
const MAX_MATCHED_TEXT = 1000;

export function checkReply(v: Validation, r: CustomerReply, today: string): ReplyCheck {
  const text = r.text.trim();
  if (v.type === "any") return { ok: true, value: text || r.type };
  if (v.type === "choice") return choose(v.options, r);
  if (!text) return { ok: false, reason: "an answer in words" };
  switch (v.type) {
    case "text":
      if (v.min_length !== undefined && text.length < v.min_length)
        return { ok: false, reason: `at least ${v.min_length} characters` };
      if (v.max_length !== undefined && text.length > v.max_length)
        return { ok: false, reason: `at most ${v.max_length} characters` };
      return { ok: true, value: text };
    case "number": {
      const n = parseNumber(text);
      if (n === null) return { ok: false, reason: "a number" };
      if (v.integer && !Number.isInteger(n)) return { ok: false, reason: "a whole number" };
      if (v.min !== undefined && n < v.min) return { ok: false, reason: `a number of at least ${v.min}` };
      if (v.max !== undefined && n > v.max) return { ok: false, reason: `a number of at most ${v.max}` };
      return { ok: true, value: String(n) };
    }
    case "date": {
      const d = parseDate(text);
      if (!d) return { ok: false, reason: "a date such as 2026-12-24 or 24.12.2026" };
      const from = v.not_before === "today" ? today : v.not_before;
      const to = v.not_after === "today" ? today : v.not_after;
      if (from && d < from) return { ok: false, reason: `a date from ${from}` };
      if (to && d > to) return { ok: false, reason: `a date until ${to}` };
      return { ok: true, value: d };
    }
    case "email":
      return EMAIL.test(text) && text.length <= 254
        ? { ok: true, value: text.toLowerCase() }
        : { ok: false, reason: "an e-mail address" };
    case "phone": {
      const n = normaliseNumber(text, v.default_country);
      return n ? { ok: true, value: `+${n}` } : { ok: false, reason: "a phone number with its country code" };
    }
    case "regex": {
      // Patterns are the business's own; the text they run on is bounded.
      if (text.length > MAX_MATCHED_TEXT) return { ok: false, reason: "a shorter answer" };
      const m = new RegExp(v.pattern, v.flags ?? "").exec(text);
      return m ? { ok: true, value: m[0] } : { ok: false, reason: "an answer in the expected form" };
    }
  }
}

/** A tapped button or row (by id), or typed words: its title, a synonym, or its number in the list. */
function choose(options: ChoiceOption[], r: CustomerReply): ReplyCheck {
  if (r.id) {
    const byId = options.find((o) => o.id === r.id);
    if (byId) return { ok: true, value: byId.id };
  }
  const said = fold(r.text);
  if (!said) return { ok: false, reason: "one of the options" };
  const byWords = options.find(
    (o) => fold(o.title) === said || (o.synonyms ?? []).some((s) => fold(s) === said) || fold(o.id) === said,
  );
  if (byWords) return { ok: true, value: byWords.id };
  const n = /^\d{1,2}$/.test(said) ? Number(said) : NaN;
  if (n >= 1 && n <= options.length) return { ok: true, value: options[n - 1].id };
  return { ok: false, reason: "one of the options" };
}

/** "12", "-3", "12.5", "12,5", "1 200" (spaces group thousands). */
export function parseNumber(text: string): number | null {
  const t = text.replace(/[\s\u00a0]/g, "").replace(",", ".");
  if (!/^[+-]?\d+(\.\d+)?$/.test(t)) return null;
  const n = Number(t);
  return Number.isFinite(n) ? n : null;
}

/** ISO "2026-12-24", or day first: "24.12.2026", "24/12/2026", "24-12-2026"; only real dates. */
export function parseDate(text: string): string | null {
  let y: number, m: number, d: number;
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(text);
  const dmy = /^(\d{1,2})[./-](\d{1,2})[./-](\d{4})$/.exec(text);
  if (iso) [y, m, d] = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
  else if (dmy) [d, m, y] = [Number(dmy[1]), Number(dmy[2]), Number(dmy[3])];
  else return null;
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return null;
  return date.toISOString().slice(0, 10);
}
