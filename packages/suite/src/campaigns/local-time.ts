import { countryOf } from "@openwaba/contracts";

// "At 10:00 on 24 December in each contact's time zone" (pure): the instant of a wall-clock time
// in a zone, and the zone of a contact who has none recorded, guessed from the number's country.

/** Offset of a zone from UTC at an instant, in ms (Warsaw in winter: +3,600,000). */
function offsetAt(instant: number, timeZone: string): number {
  const parts = new Intl.DateTimeFormat("en-US", {
    timeZone,
    hourCycle: "h23",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
  }).formatToParts(new Date(instant));
  const get = (t: string) => Number(parts.find((p) => p.type === t)!.value);
  const asUtc = Date.UTC(get("year"), get("month") - 1, get("day"), get("hour"), get("minute"), get("second"));
  return asUtc - Math.floor(instant / 1000) * 1000;
}

/**
 * The instant when a zone's clocks show `date` `time`. A time that does not exist (skipped by a
 * DST change) comes out an hour later; one that happens twice, the first time.
 */
export function zonedInstant(date: string, time: string, timeZone: string): number {
  const [y, m, d] = date.split("-").map(Number);
  const [hh, mm] = time.split(":").map(Number);
  const wall = Date.UTC(y, m - 1, d, hh, mm);
  let guess = wall - offsetAt(wall, timeZone);
  // The offset at the guess may differ (a DST change in between): correct once more.
  const again = wall - offsetAt(guess, timeZone);
  if (again !== guess) guess = offsetAt(again, timeZone) === offsetAt(guess, timeZone) ? again : Math.max(guess, again);
  return guess;
}

/** The same wall-clock time one day later (after `date`), for contacts whose time had passed. */
export function nextDay(date: string): string {
  const [y, m, d] = date.split("-").map(Number);
  return new Date(Date.UTC(y, m - 1, d + 1)).toISOString().slice(0, 10);
}

// One zone per market (where a country has several, its most populous).
const ZONES: Record<string, string> = {
  PL: "Europe/Warsaw",
  RU: "Europe/Moscow",
  ES: "Europe/Madrid",
  AD: "Europe/Andorra",
  IT: "Europe/Rome",
  DE: "Europe/Berlin",
  FR: "Europe/Paris",
  GB: "Europe/London",
  IE: "Europe/Dublin",
  PT: "Europe/Lisbon",
  NL: "Europe/Amsterdam",
  BE: "Europe/Brussels",
  AT: "Europe/Vienna",
  CH: "Europe/Zurich",
  UA: "Europe/Kyiv",
  BY: "Europe/Minsk",
  KZ: "Asia/Almaty",
  TR: "Europe/Istanbul",
  US: "America/New_York",
  CA: "America/Toronto",
  MX: "America/Mexico_City",
  BR: "America/Sao_Paulo",
  AR: "America/Argentina/Buenos_Aires",
  CO: "America/Bogota",
  IN: "Asia/Kolkata",
  ID: "Asia/Jakarta",
  AU: "Australia/Sydney",
};

export function zoneOfNumber(waId: string): string | null {
  return ZONES[countryOf(waId).country] ?? null;
}
