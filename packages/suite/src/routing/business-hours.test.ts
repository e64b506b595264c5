import { describe, expect, it } from "vitest";
import { localTime, withinBusinessHours, type BusinessHours } from "./business-hours";

// Monday 2026-11-23 in Warsaw (UTC+1 in November).
const hours: BusinessHours = {
  timezone: "Europe/Warsaw",
  days: { mon: [["09:00", "17:00"]], sat: [["10:00", "14:00"]] },
};
const warsaw = (hh: number, mm: number, day = 23) => Date.UTC(2026, 10, day, hh - 1, mm);

describe("business hours", () => {
  it("opens at 09:00 local time, not a minute earlier, and closes at 17:00", () => {
    expect(withinBusinessHours(hours, warsaw(8, 59))).toBe(false);
    expect(withinBusinessHours(hours, warsaw(9, 0))).toBe(true);
    expect(withinBusinessHours(hours, warsaw(16, 59))).toBe(true);
    expect(withinBusinessHours(hours, warsaw(17, 0))).toBe(false);
  });
  it("reads the day in the tenant's time zone, not UTC", () => {
    expect(localTime(Date.UTC(2026, 10, 22, 23, 30), "Europe/Warsaw")).toEqual({ day: "mon", hm: "00:30" });
    expect(withinBusinessHours(hours, warsaw(12, 0, 24))).toBe(false); // Tuesday: closed
  });
  it("is always open without hours", () => {
    expect(withinBusinessHours(null, 0)).toBe(true);
  });
});
