import { z } from "zod";
import { CONVERSATION_STATES, instant } from "./conversations";

// The tenant's contacts as the suite API answers (packages/suite/src/contacts).

/** A contact's marketing consent: the latest word, where it came from, and whether it was a STOP sent in WhatsApp. */
export const consent = z.object({
  marketing: z.enum(["granted", "revoked"]),
  source: z.string().nullable(),
  at: instant,
  stopped_in_whatsapp: z.boolean(),
});
export type Consent = z.infer<typeof consent>;

export const contact = z.object({
  id: z.string(),
  wa_id: z.string(),
  name: z.string(),
  language: z.string().nullable(),
  timezone: z.string().nullable(),
  attributes: z.record(z.string(), z.string()),
  tags: z.array(z.string()),
  consent: consent.nullable(),
  last_activity_at: instant.nullable(),
  created_at: instant,
  updated_at: instant,
});
export type Contact = z.infer<typeof contact>;

/** GET /suite/api/contacts: a page of the contacts matching the filters, and how many match. */
export const contactList = z.object({ data: z.array(contact), total: z.int() });
export type ContactList = z.infer<typeof contactList>;

/** GET /suite/api/contacts/{id}: the contact and the conversations the user may see with them. */
export const contactDetail = contact.extend({
  conversations: z.array(
    z.object({
      id: z.string(),
      phone_number_id: z.string(),
      state: z.enum(CONVERSATION_STATES),
      assignee_id: z.string().nullable(),
      team_id: z.string().nullable(),
      last_message_at: instant,
    }),
  ),
});
export type ContactDetail = z.infer<typeof contactDetail>;
