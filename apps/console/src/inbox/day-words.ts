// Days as an inbox names them, in the browser's language and time zone, against the server's
// "now" (its clock may have travelled: the simulator's): Today, Yesterday, or the date.

const DAY_MS = 86_400_000;

/** The local calendar day of an instant (YYYY-MM-DD), to tell where a new day starts. */
export function dayKey(at: string | number | Date): string {
  const d = new Date(at);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, "0")}-${String(d.getDate()).padStart(2, "0")}`;
}

/** "Today", "Yesterday" or the date (with the year when it is not this year's). */
export function dayWords(at: string, now: number): string {
  if (dayKey(at) === dayKey(now)) return "Today";
  if (dayKey(at) === dayKey(now - DAY_MS)) return "Yesterday";
  const d = new Date(at);
  return d.toLocaleDateString(undefined, {
    weekday: "long",
    day: "numeric",
    month: "long",
    ...(d.getFullYear() === new Date(now).getFullYear() ? {} : { year: "numeric" }),
  });
}

/** A list's short time: the time today, "Yesterday", else the date. */
export function shortWhen(at: string, now: number): string {
  if (dayKey(at) === dayKey(now))
    return new Date(at).toLocaleTimeString(undefined, { hour: "2-digit", minute: "2-digit" });
  if (dayKey(at) === dayKey(now - DAY_MS)) return "Yesterday";
  return new Date(at).toLocaleDateString(undefined, {
    day: "numeric",
    month: "short",
    ...(new Date(at).getFullYear() === new Date(now).getFullYear() ? {} : { year: "numeric" }),
  });
}
