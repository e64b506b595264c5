import { z } from "zod";

// A WhatsAppBusinessPhoneNumber node with the fields the suite asks for (GET /{phone-number-id} and
// GET /{waba-id}/phone_numbers with ?fields=): only id is certain, the rest as the number has them.

export const phoneNumberNode = z.looseObject({
  id: z.string(),
  display_phone_number: z.string().optional(),
  verified_name: z.string().optional(),
  quality_rating: z.string().optional(),
  status: z.string().optional(),
  throughput: z.looseObject({ level: z.string() }).optional(),
  messaging_limit_tier: z.string().optional(),
  whatsapp_business_manager_messaging_limit: z.string().optional(),
});
export type PhoneNumberNode = z.infer<typeof phoneNumberNode>;

/** A number as GET /{waba-id}/phone_numbers lists it, asked for its display number and verified name (every number has both). */
export const listedPhoneNumber = phoneNumberNode.extend({
  display_phone_number: z.string(),
  verified_name: z.string(),
});
export type ListedPhoneNumber = z.infer<typeof listedPhoneNumber>;
