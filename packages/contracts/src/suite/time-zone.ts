// Time zones as the suite's schemas accept them (business hours, flow schedules, campaigns). Pure.

/** Whether a name is an IANA time zone this runtime knows ("Europe/Warsaw"). */
export function isTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat("en", { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}
