import { z } from "zod";
import { instant } from "./conversations";

// What the Cloud API told the business about its account (quality, limits, templates…), as the
// suite keeps it (packages/suite/src/alerts).

export const alert = z.object({
  id: z.string(),
  kind: z.string(),
  severity: z.string(),
  title: z.string(),
  data: z.unknown().describe("The webhook change behind it"),
  at: instant,
  read: z.boolean(),
});
export type Alert = z.infer<typeof alert>;

/** GET /suite/api/alerts: the latest, newest first. */
export const alertList = z.object({ data: z.array(alert) });
export type AlertList = z.infer<typeof alertList>;
