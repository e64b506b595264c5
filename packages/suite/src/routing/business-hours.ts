import type { Weekday } from "@openwaba/contracts/suite";

// Business hours (pure): per weekday, opening intervals in the tenant's time zone. No hours set
// means always open.

export interface BusinessHours {
  timezone: string;
  days: Partial<Record<Weekday, [string, string][]>>;
}

/** The weekday and "HH:MM" of an instant in a time zone. */
export function localTime(now: number, timezone: string): { day: Weekday; hm: string } {
  const parts = new Intl.DateTimeFormat("en-US", {
    timeZone: timezone,
    weekday: "short",
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
  }).formatToParts(new Date(now));
  const get = (t: string) => parts.find((p) => p.type === t)!.value;
  return { day: get("weekday").toLowerCase().slice(0, 3) as Weekday, hm: `${get("hour")}:${get("minute")}` };
}

export function withinBusinessHours(hours: BusinessHours | null | undefined, now: number): boolean {
  if (!hours || !Object.keys(hours.days ?? {}).length) return true;
  const { day, hm } = localTime(now, hours.timezone);
  return (hours.days[day] ?? []).some(([from, to]) => hm >= from && hm < to);
}
