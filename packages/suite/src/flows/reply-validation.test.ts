import { describe, expect, it } from "vitest";
import { checkReply, parseDate, parseNumber } from "./reply-validation";

const typed = (text: string) => ({ type: "text", text, id: null });
const TODAY = "2026-12-01";

describe("checking a customer's reply", () => {
  it("takes a tapped option by id, or its title, a synonym or its number when typed", () => {
    const v = {
      type: "choice" as const,
      options: [
        { id: "track", title: "Track order", synonyms: ["gdzie paczka"] },
        { id: "return", title: "Return" },
      ],
    };
    expect(checkReply(v, { type: "interactive", text: "Track order", id: "track" }, TODAY)).toEqual({
      ok: true,
      value: "track",
    });
    expect(checkReply(v, typed(" track ORDER! "), TODAY)).toEqual({ ok: true, value: "track" });
    expect(checkReply(v, typed("Gdzie paczka?"), TODAY)).toEqual({ ok: true, value: "track" });
    expect(checkReply(v, typed("2"), TODAY)).toEqual({ ok: true, value: "return" });
    expect(checkReply(v, typed("3"), TODAY).ok).toBe(false);
    expect(checkReply(v, typed("0"), TODAY).ok).toBe(false);
    expect(checkReply(v, typed("something else"), TODAY).ok).toBe(false);
  });

  it("holds numbers to their bounds on both sides", () => {
    const v = { type: "number" as const, min: 1, max: 10, integer: true };
    expect(checkReply(v, typed("1"), TODAY)).toEqual({ ok: true, value: "1" });
    expect(checkReply(v, typed("10"), TODAY)).toEqual({ ok: true, value: "10" });
    expect(checkReply(v, typed("0"), TODAY).ok).toBe(false);
    expect(checkReply(v, typed("11"), TODAY).ok).toBe(false);
    expect(checkReply(v, typed("2,5"), TODAY)).toEqual({ ok: false, reason: "a whole number" });
    expect(checkReply(v, typed("ten"), TODAY)).toEqual({ ok: false, reason: "a number" });
  });

  it("reads dates day first or ISO, refuses impossible ones, and keeps them in range", () => {
    const v = { type: "date" as const, not_before: "today", not_after: "2026-12-31" };
    expect(checkReply(v, typed("24.12.2026"), TODAY)).toEqual({ ok: true, value: "2026-12-24" });
    expect(checkReply(v, typed("2026-12-01"), TODAY)).toEqual({ ok: true, value: "2026-12-01" });
    expect(checkReply(v, typed("30.11.2026"), TODAY).ok).toBe(false);
    expect(checkReply(v, typed("31/12/2026"), TODAY)).toEqual({ ok: true, value: "2026-12-31" });
    expect(checkReply(v, typed("01-01-2027"), TODAY).ok).toBe(false);
    expect(parseDate("31.02.2026")).toBeNull();
    expect(parseDate("tomorrow")).toBeNull();
  });

  it("checks e-mail addresses, phone numbers and a business's own pattern", () => {
    expect(checkReply({ type: "email" }, typed("Ewa@Example.PL"), TODAY)).toEqual({
      ok: true,
      value: "ewa@example.pl",
    });
    expect(checkReply({ type: "email" }, typed("ewa@example"), TODAY).ok).toBe(false);
    expect(checkReply({ type: "phone", default_country: "PL" }, typed("600 100 200"), TODAY)).toEqual({
      ok: true,
      value: "+48600100200",
    });
    expect(checkReply({ type: "phone" }, typed("12"), TODAY).ok).toBe(false);
    const order = { type: "regex" as const, pattern: "\\b\\d{6}\\b" };
    expect(checkReply(order, typed("my order is 860198, thanks"), TODAY)).toEqual({ ok: true, value: "860198" });
    expect(checkReply(order, typed("86019"), TODAY).ok).toBe(false);
    expect(checkReply(order, typed("1".repeat(1001)), TODAY).ok).toBe(false);
  });

  it("bounds free text by length on both sides", () => {
    const v = { type: "text" as const, min_length: 3, max_length: 5 };
    expect(checkReply(v, typed("abc"), TODAY).ok).toBe(true);
    expect(checkReply(v, typed("ab"), TODAY).ok).toBe(false);
    expect(checkReply(v, typed("abcde"), TODAY).ok).toBe(true);
    expect(checkReply(v, typed("abcdef"), TODAY).ok).toBe(false);
    expect(checkReply({ type: "any" }, { type: "image", text: "", id: null }, TODAY)).toEqual({
      ok: true,
      value: "image",
    });
  });

  it("parses numbers as people write them", () => {
    expect(parseNumber("1 200")).toBe(1200);
    expect(parseNumber("-3.5")).toBe(-3.5);
    expect(parseNumber("1e5")).toBeNull();
  });
});
