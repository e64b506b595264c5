import { z } from "zod";
import { instant } from "./conversations";

// Supervision's reports as the suite API answers them (packages/suite/src/reports).

/** How a queue stands: conversations waiting for a person, open ones, and how long the oldest has waited. */
const queueCounts = {
  waiting: z.int(),
  open: z.int(),
  oldest_waiting_s: z.int().nullable(),
};

/** GET /suite/api/reports/live: the queues and agents now. */
export const liveReport = z.object({
  at: instant,
  queues: z.array(z.object({ team_id: z.string().nullable(), name: z.string(), ...queueCounts })),
  agents: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      availability: z.string(),
      capacity: z.int(),
      role: z.string(),
      open: z.int(),
      awaiting_first_response: z.int(),
    }),
  ),
});
export type LiveReport = z.infer<typeof liveReport>;

/** One day, agent or team of a report. */
export const reportRow = z.object({
  key: z.string().describe("The day, agent or team"),
  conversations: z.int(),
  resolved: z.int(),
  first_response_median_s: z.number().nullable(),
  first_response_avg_s: z.number().nullable(),
  resolution_median_s: z.number().nullable(),
  csat_avg: z.number().nullable(),
  csat_count: z.int(),
});
export type ReportRow = z.infer<typeof reportRow>;

/** Which days a report covers: a preset, or the days asked for (YYYY-MM-DD, the business's days). */
export const reportRange = z.object({
  preset: z.enum(["today", "7d", "30d", "custom"]),
  from_day: z.string(),
  to_day: z.string(),
  days: z.int(),
  time_zone: z.string(),
});
export type ReportRange = z.infer<typeof reportRange>;

/** A WABA's cost by pricing category, in its currency (null when the Cloud API does not say). */
export const reportCost = z.object({ currency: z.string().nullable(), by_category: z.record(z.string(), z.number()) });
export type ReportCost = z.infer<typeof reportCost>;

/** GET /suite/api/reports (as JSON): volume, response times, CSAT, messages and cost over days. */
export const report = z.object({
  from: instant,
  to: instant,
  range: reportRange,
  group: z.string(),
  rows: z.array(reportRow),
  messages_by_status: z.record(z.string(), z.int()),
  /** Per WABA, in its currency; null when the Cloud API tells no cost. */
  cost: z
    .array(z.object({ currency: z.string().nullable(), by_category: z.record(z.string(), z.number()) }))
    .nullable(),
});
export type Report = z.infer<typeof report>;

// What the reports' route takes (packages/suite/src/reports/reports.routes.ts).

/** The spans a report offers besides the days asked for. */
export const RANGE_PRESETS = ["today", "7d", "30d"] as const;
export type RangePreset = (typeof RANGE_PRESETS)[number];

/** GET /suite/api/reports?…: which days, grouped how, as JSON or CSV. */
export const reportQuery = z.strictObject({
  range: z.enum(RANGE_PRESETS).optional(),
  from: z.string().max(20).optional().describe("YYYY-MM-DD, in the tenant's time zone"),
  to: z.string().max(20).optional().describe("YYYY-MM-DD, in the tenant's time zone"),
  group: z.enum(["day", "agent", "team"]).default("day"),
  format: z.enum(["json", "csv"]).default("json"),
});
export type ReportQuery = z.infer<typeof reportQuery>;
