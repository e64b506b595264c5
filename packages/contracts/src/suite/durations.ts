// Durations in flow documents: "45s", "10m", "2h", "1d", or combined "1h30m". Pure.

const UNIT_MS: Record<string, number> = { s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 };
const PATTERN = /^(?:\d+[smhd])+$/;

/** Milliseconds of a duration, or null when it is not one. */
export function parseDuration(text: string): number | null {
  const t = text.trim().toLowerCase();
  if (!PATTERN.test(t)) return null;
  let ms = 0;
  for (const [, n, unit] of t.matchAll(/(\d+)([smhd])/g)) ms += Number(n) * UNIT_MS[unit];
  return ms;
}

/** The longest any flow waits for anything: a month (a run abandoned longer than that is over). */
export const MAX_WAIT_MS = 30 * UNIT_MS.d;
