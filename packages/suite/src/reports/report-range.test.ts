import { describe, expect, it } from "vitest";
import { MAX_REPORT_DAYS, dayIn, reportRange } from "./report-range";

// 2026-12-03 23:30 UTC is already 4 December in Warsaw (UTC+1 in winter), still 3 December in New York.
const now = Date.UTC(2026, 11, 3, 23, 30);
const ok = (r: ReturnType<typeof reportRange>) => {
  if (!r.ok) throw new Error(r.message);
  return r.range;
};

describe("a report's days", () => {
  it("takes today, the last 7 and the last 30 days in the business's time zone", () => {
    expect(ok(reportRange({ range: "today" }, now, "Europe/Warsaw"))).toEqual({
      preset: "today",
      from_day: "2026-12-04",
      to_day: "2026-12-04",
      days: 1,
      time_zone: "Europe/Warsaw",
      from: Date.UTC(2026, 11, 3, 23),
      to: Date.UTC(2026, 11, 4, 23),
    });
    expect(ok(reportRange({ range: "today" }, now, "America/New_York"))).toMatchObject({
      from_day: "2026-12-03",
      from: Date.UTC(2026, 11, 3, 5),
      to: Date.UTC(2026, 11, 4, 5),
    });
    expect(ok(reportRange({}, now, "Europe/Warsaw"))).toMatchObject({
      preset: "7d",
      from_day: "2026-11-28",
      to_day: "2026-12-04",
      days: 7,
    });
    expect(ok(reportRange({ range: "30d" }, now, "UTC"))).toMatchObject({
      from_day: "2026-11-04",
      to_day: "2026-12-03",
      days: 30,
      from: Date.UTC(2026, 10, 4),
      to: Date.UTC(2026, 11, 4),
    });
  });

  it("takes the days asked for, whole days from midnight to midnight across a change of clocks", () => {
    // Warsaw moves from UTC+2 to UTC+1 on 25 October 2026: that day has 25 hours.
    const r = ok(reportRange({ from: "2026-10-25", to: "2026-10-25" }, now, "Europe/Warsaw"));
    expect(r).toMatchObject({
      preset: "custom",
      days: 1,
      from: Date.UTC(2026, 9, 24, 22),
      to: Date.UTC(2026, 9, 25, 23),
    });
    expect(ok(reportRange({ from: "2026-11-01" }, now, "UTC"))).toMatchObject({
      from_day: "2026-11-01",
      to_day: "2026-12-03",
      days: 33,
    });
    expect(ok(reportRange({ to: "2026-11-10" }, now, "UTC"))).toMatchObject({
      from_day: "2026-11-04",
      to_day: "2026-11-10",
      days: 7,
    });
  });

  it("refuses what is not a range, naming the field", () => {
    const bad = (q: Parameters<typeof reportRange>[0]) => {
      const r = reportRange(q, now, "UTC");
      return r.ok ? null : r.field;
    };
    expect(bad({ from: "2026-12-01", to: "2026-11-01" })).toBe("from");
    expect(bad({ from: "2026-02-30" })).toBe("from");
    expect(bad({ to: "yesterday" })).toBe("to");
    expect(bad({ to: "2026-12-04" })).toBe("to"); // tomorrow in UTC
    expect(bad({ range: "7d", from: "2026-11-01" })).toBe("range");
    expect(bad({ from: "2025-12-02", to: "2026-12-03" })).toBe("from"); // 367 days
    expect(ok(reportRange({ from: "2025-12-03", to: "2026-12-03" }, now, "UTC")).days).toBe(MAX_REPORT_DAYS);
  });

  it("names the day of an instant in a zone", () => {
    expect(dayIn(now, "Europe/Warsaw")).toBe("2026-12-04");
    expect(dayIn(now, "UTC")).toBe("2026-12-03");
  });
});
