import type { RangePreset } from "@openwaba/contracts/suite";
import { nextDay, zonedInstant } from "../campaigns/local-time";

// Which days a report covers (pure): a preset (today, the last 7 or 30 days) or the days asked
// for, as calendar days in the tenant's time zone — "today" is the business's today on the
// suite's clock, not the browser's or UTC's — turned into the instants [from, to) that bound it.

/** A report spans at most a year and a day (a leap year's 366 calendar days). */
export const MAX_REPORT_DAYS = 366;
const PRESET_DAYS: Record<RangePreset, number> = { today: 1, "7d": 7, "30d": 30 };

export interface ReportRange {
  preset: RangePreset | "custom";
  /** First and last day included, YYYY-MM-DD in `time_zone`. */
  from_day: string;
  to_day: string;
  days: number;
  time_zone: string;
  /** The instants: from the first day's midnight to the midnight after the last day. */
  from: number;
  to: number;
}
export type RangeAsked = { range?: RangePreset; from?: string; to?: string };
export type RangeResult = { ok: true; range: ReportRange } | { ok: false; field: string; message: string };

/** The calendar day of an instant in a zone (YYYY-MM-DD). */
export const dayIn = (ms: number, timeZone: string): string =>
  new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" }).format(
    new Date(ms),
  );

const addDays = (day: string, n: number): string => {
  const [y, m, d] = day.split("-").map(Number);
  return new Date(Date.UTC(y, m - 1, d + n)).toISOString().slice(0, 10);
};
const daysBetween = (a: string, b: string): number => Math.round((Date.parse(b) - Date.parse(a)) / 86_400_000);
/** A real calendar day (2026-02-30 is not). */
const isDay = (s: string): boolean =>
  /^\d{4}-\d{2}-\d{2}$/.test(s) && new Date(`${s}T00:00:00Z`).toISOString().slice(0, 10) === s;

export function reportRange(q: RangeAsked, now: number, timeZone: string): RangeResult {
  const today = dayIn(now, timeZone);
  if (q.range && (q.from || q.to))
    return { ok: false, field: "range", message: "give either a range (today, 7d, 30d) or from and to, not both" };
  for (const f of ["from", "to"] as const) {
    const v = q[f];
    if (v !== undefined && !isDay(v))
      return { ok: false, field: f, message: `not a day: write it as YYYY-MM-DD (${today})` };
  }
  let preset: ReportRange["preset"], from: string, to: string;
  if (q.from || q.to) {
    preset = "custom";
    to = q.to ?? today;
    from = q.from ?? addDays(to, -(PRESET_DAYS["7d"] - 1));
  } else {
    preset = q.range ?? "7d";
    to = today;
    from = addDays(today, -(PRESET_DAYS[preset] - 1));
  }
  if (from > to) return { ok: false, field: "from", message: `${from} is after to (${to})` };
  if (to > today)
    return { ok: false, field: "to", message: `${to} has not come yet: the last day is today, ${today} (${timeZone})` };
  const days = daysBetween(from, to) + 1;
  if (days > MAX_REPORT_DAYS)
    return {
      ok: false,
      field: "from",
      message: `a report covers at most ${MAX_REPORT_DAYS} days; this asks for ${days}`,
    };
  return {
    ok: true,
    range: {
      preset,
      from_day: from,
      to_day: to,
      days,
      time_zone: timeZone,
      from: zonedInstant(from, "00:00", timeZone),
      to: zonedInstant(nextDay(to), "00:00", timeZone),
    },
  };
}
