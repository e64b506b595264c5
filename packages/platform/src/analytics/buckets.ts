import { GraphError } from "@openwaba/contracts";

// Time buckets for analytics (UTC): half hours, days, calendar months. Times in Unix seconds.
export type Granularity = "HALF_HOUR" | "DAY" | "MONTH";

export function granularityOf(v: unknown): Granularity {
  const g = String(v ?? "DAY").toUpperCase();
  if (g === "HALF_HOUR") return "HALF_HOUR";
  if (g === "DAY" || g === "DAILY") return "DAY";
  if (g === "MONTH" || g === "MONTHLY") return "MONTH";
  throw new GraphError(100, `Param granularity must be one of {HALF_HOUR, DAY, MONTH} (or DAILY, MONTHLY).`);
}

export function buckets(start: number, end: number, g: Granularity, max = 20_000): { start: number; end: number }[] {
  if (!(end > start)) throw new GraphError(100, "Param end must be after start.");
  const out: { start: number; end: number }[] = [];
  let t = align(start, g);
  while (t < end) {
    const next = step(t, g);
    out.push({ start: t, end: next });
    if (out.length > max) throw new GraphError(100, "The time range is too long for this granularity.");
    t = next;
  }
  return out;
}

function align(t: number, g: Granularity): number {
  if (g === "HALF_HOUR") return t - (t % 1800);
  if (g === "DAY") return t - (t % 86400);
  const d = new Date(t * 1000);
  return Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1) / 1000;
}

function step(t: number, g: Granularity): number {
  if (g === "HALF_HOUR") return t + 1800;
  if (g === "DAY") return t + 86400;
  const d = new Date(t * 1000);
  return Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1) / 1000;
}
