import { z } from "zod";

// A message's status as OpenWABA's GET /openwaba/messages[/{id}] shows it (Meta tells only by webhook).

/** One of a failed message's errors, in the webhook's shape. */
export const messageStatusError = z.object({
  code: z.int(),
  title: z.string(),
  message: z.string(),
  error_data: z.object({ details: z.string() }),
  href: z.string(),
});

export const messageStatus = z.object({
  id: z.string(),
  phone_number_id: z.string(),
  wa_id: z.string(),
  direction: z.enum(["in", "out"]),
  type: z.string(),
  status: z.string(),
  errors: z.array(messageStatusError),
  pricing_category: z.string().nullable(),
  created_at: z.iso.datetime(),
  updated_at: z.iso.datetime(),
});
export type MessageStatus = z.infer<typeof messageStatus>;
