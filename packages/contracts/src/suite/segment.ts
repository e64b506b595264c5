import { z } from "zod";

// A segment of contacts: by tag, consent, attribute values, recent activity and words. The suite
// turns it into one query (packages/suite/src/contacts/segment.ts) that serves the contacts list and
// export, a flow's scheduled audience and a campaign's audience.

export const segmentSchema = z.strictObject({
  tag: z.string().max(60).optional(),
  consent: z.enum(["granted", "revoked", "none"]).optional(),
  attributes: z.record(z.string().max(60), z.string().max(1000)).optional(),
  /** Active (wrote, or was written to) within this many days. */
  active_since_days: z.number().int().min(1).max(3650).optional(),
  /** Or since an instant (ISO). */
  active_since: z.iso.datetime().optional(),
  /** Words in the name or digits of the number. */
  q: z.string().max(100).optional(),
});
export type Segment = z.infer<typeof segmentSchema>;
