import { describe, expect, it } from "vitest";
import { ENTRY_POINT_REPLY_MS, FREE_ENTRY_WINDOW_MS, freeEntryWindow } from "./free-entry-point";

const H = 3600_000;

describe("free entry point windows", () => {
  it("opens 72 h from the business's answer to an ad click, up to the 24th hour", () => {
    const at = 1_000_000;
    expect(freeEntryWindow({ entryPointAt: at, freeEntryUntil: null }, at + ENTRY_POINT_REPLY_MS - 1)).toEqual({
      until: at + ENTRY_POINT_REPLY_MS - 1 + FREE_ENTRY_WINDOW_MS,
      opens: true,
    });
    expect(freeEntryWindow({ entryPointAt: at, freeEntryUntil: null }, at + ENTRY_POINT_REPLY_MS)).toBeNull();
  });
  it("keeps an open window until its 72nd hour, then ends it", () => {
    const until = 100 * H;
    expect(freeEntryWindow({ entryPointAt: 20 * H, freeEntryUntil: until }, until - 1)).toEqual({
      until,
      opens: false,
    });
    expect(freeEntryWindow({ entryPointAt: 20 * H, freeEntryUntil: until }, until)).toBeNull();
  });
  it("needs a new entry point for a new window", () => {
    const opened = 30 * H,
      until = opened + FREE_ENTRY_WINDOW_MS;
    // The click at 29 h opened the window at 30 h; only a later click opens the next one.
    expect(freeEntryWindow({ entryPointAt: 29 * H, freeEntryUntil: until }, until + 1)).toBeNull();
    expect(freeEntryWindow({ entryPointAt: until + 1, freeEntryUntil: until }, until + 2)).toEqual({
      until: until + 2 + FREE_ENTRY_WINDOW_MS,
      opens: true,
    });
  });
  it("gives nothing without an entry point", () => {
    expect(freeEntryWindow({ entryPointAt: null, freeEntryUntil: null }, 5)).toBeNull();
  });
});
