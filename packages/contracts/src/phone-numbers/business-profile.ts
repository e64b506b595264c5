import { z } from "zod";

// A number's business profile (GET / POST /{phone-number-id}/whatsapp_business_profile): what the
// business may write, with Meta's limits, and what a read answers besides.

/** The fields a business writes; "" clears one. */
export const businessProfileFields = z.object({
  about: z.string().max(139).optional(),
  address: z.string().max(256).optional(),
  description: z.string().max(512).optional(),
  email: z.string().max(128).optional(),
  websites: z.array(z.string().max(256)).max(2).optional(),
  vertical: z.string().describe('One of Meta\'s verticals (AUTO, BEAUTY, RETAIL…); "" clears').optional(),
});

/** A profile as a read answers it (loose: Meta adds fields). */
export const businessProfile = z.looseObject({
  ...businessProfileFields.shape,
  profile_picture_url: z.string().optional(),
  messaging_product: z.literal("whatsapp").optional(),
});
export type BusinessProfile = z.infer<typeof businessProfile>;
