import { z } from "zod";
import { segmentSchema } from "./segment";
import { templateMessage } from "./flow-document";
import { isTimeZone } from "./time-zone";

// A campaign as the business defines it (issue #5 item 6): an approved template with its
// parameters filled from each contact ({{contact.name}}, {{attr.code|fallback}}, as in flows), an
// audience (a segment of contacts, or a list of numbers), when to send (now, at an instant, or at a
// wall-clock time in each contact's zone), and an optional pace below the number's throughput.

const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, "a time as HH:MM");
const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "a date as YYYY-MM-DD");
const zone = z.string().max(60).refine(isTimeZone, "an IANA time zone such as Europe/Warsaw");

export const scheduleSchema = z.discriminatedUnion("type", [
  z.strictObject({ type: z.literal("now") }),
  z.strictObject({ type: z.literal("at"), at: z.iso.datetime() }),
  z.strictObject({ type: z.literal("local_time"), date: day, time: hhmm, fallback_timezone: zone.optional() }),
]);
export type CampaignSchedule = z.infer<typeof scheduleSchema>;

export const audienceSchema = z.union([
  z.strictObject({ segment: segmentSchema }),
  z.strictObject({
    phones: z.array(z.string().min(3).max(40)).min(1).max(100_000),
    default_country: z
      .string()
      .regex(/^[A-Z]{2}$/)
      .optional(),
  }),
]);
export type CampaignAudience = z.infer<typeof audienceSchema>;

export const campaignSpecSchema = z.strictObject({
  name: z.string().trim().min(1).max(120),
  phone_number_id: z.string().min(1).max(40).optional(),
  template: templateMessage,
  audience: audienceSchema,
  schedule: scheduleSchema.default({ type: "now" }),
  /** Messages per second at most (the number's throughput when absent or higher). */
  max_mps: z.number().min(0.1).max(1000).optional(),
});
export type CampaignSpec = z.infer<typeof campaignSpecSchema>;
