import { z } from "zod";

// Consent entry points (packages/suite/src/entry-points): what making one takes.

/** The limit of Meta's message_qrdls. */
export const MAX_PREFILLED_MESSAGE = 140;

/** POST /suite/api/entry-points: a QR code and wa.me link; an opt-in one grants marketing consent. */
export const entryPointRequest = z.strictObject({
  phone_number_id: z.string().min(1).optional(),
  prefilled_message: z.string().trim().min(1).max(MAX_PREFILLED_MESSAGE),
  opt_in: z.boolean().default(false),
  format: z.enum(["SVG", "PNG"]).default("PNG"),
});
export type EntryPointRequest = z.infer<typeof entryPointRequest>;
