import { dayIn } from "./report-range";

// Report arithmetic (pure): cycles (an open-to-resolved stretch of a conversation) grouped by
// day (in the business's time zone), agent or team, with volume, first response and resolution
// times, and CSAT.

export interface Cycle {
  opened_at: number;
  first_response_at: number | null;
  resolved_at: number | null;
  agent_id: string | null;
  team_id: string | null;
  csat: number | null;
}
export type Grouping = "day" | "agent" | "team";

export interface ReportRow {
  key: string;
  conversations: number;
  resolved: number;
  first_response_median_s: number | null;
  first_response_avg_s: number | null;
  resolution_median_s: number | null;
  csat_avg: number | null;
  csat_count: number;
}

export function median(xs: number[]): number | null {
  if (!xs.length) return null;
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

const avg = (xs: number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : null);
const seconds = (ms: number | null) => (ms === null ? null : Math.round(ms / 100) / 10);
export function groupCycles(cycles: Cycle[], by: Grouping, timeZone = "UTC"): ReportRow[] {
  const groups = new Map<string, Cycle[]>();
  for (const c of cycles) {
    const key =
      by === "day"
        ? dayIn(c.opened_at, timeZone)
        : by === "agent"
          ? (c.agent_id ?? "unassigned")
          : (c.team_id ?? "no team");
    groups.set(key, [...(groups.get(key) ?? []), c]);
  }
  return [...groups.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([key, cs]) => {
      const frt = cs.filter((c) => c.first_response_at !== null).map((c) => c.first_response_at! - c.opened_at);
      const res = cs.filter((c) => c.resolved_at !== null).map((c) => c.resolved_at! - c.opened_at);
      const csat = cs.filter((c) => c.csat !== null).map((c) => c.csat!);
      return {
        key,
        conversations: cs.length,
        resolved: res.length,
        first_response_median_s: seconds(median(frt)),
        first_response_avg_s: seconds(avg(frt)),
        resolution_median_s: seconds(median(res)),
        csat_avg: csat.length ? Math.round(avg(csat)! * 100) / 100 : null,
        csat_count: csat.length,
      };
    });
}

/** CSV with a header row; values quoted when they hold a comma, quote or newline. */
export function toCsv(rows: Record<string, unknown>[]): string {
  if (!rows.length) return "";
  const cols = Object.keys(rows[0]);
  const cell = (v: unknown) => {
    const s = v === null || v === undefined ? "" : String(v);
    return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  return [cols.join(","), ...rows.map((r) => cols.map((c) => cell(r[c])).join(","))].join("\n") + "\n";
}
