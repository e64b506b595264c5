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

// What the contacts' routes take (packages/suite/src/contacts/contacts.routes.ts).

/**
 * GET /suite/api/contacts?… (and contacts.csv): the filters and the page. Loose, as `attr.NAME=VALUE`
 * keys come besides these.
 */
export const contactListQuery = z.looseObject({
  q: z.string().max(100).optional(),
  tag: z.string().max(60).optional(),
  consent: z.enum(["granted", "revoked", "none"]).optional(),
  active_since: z.iso.datetime().optional(),
  limit: z.coerce.number().int().min(1).max(1000).default(100),
  offset: z.coerce.number().int().min(0).default(0),
});
export type ContactListQuery = z.infer<typeof contactListQuery>;

/** POST /suite/api/contacts. */
export const contactRequest = z.strictObject({
  phone: z.string().min(3).max(40).describe("Any written form; default_country reads local ones"),
  name: z.string().trim().min(1).max(120).optional(),
  language: z.string().optional(),
  timezone: z.string().optional().describe("An IANA time zone"),
  tags: z.array(z.string().trim().min(1).max(60)).max(50).optional(),
  attributes: z.record(z.string().max(60), z.string().max(1000)).optional(),
  consent: z.enum(["granted", "revoked"]).optional(),
  default_country: z
    .string()
    .regex(/^[A-Z]{2}$/)
    .optional(),
});
export type ContactRequest = z.infer<typeof contactRequest>;

/** PATCH /suite/api/contacts/{id}: the fields to change (the number stays). */
export const contactEditRequest = contactRequest
  .partial()
  .omit({ phone: true, default_country: true })
  .refine((x) => Object.keys(x).length > 0, { message: "give at least one field" });
export type ContactEditRequest = z.infer<typeof contactEditRequest>;

/** POST /suite/api/contacts/import?…: how to read local numbers, and whether only to report. */
export const contactImportQuery = z.strictObject({
  default_country: z
    .string()
    .regex(/^[A-Z]{2}$/)
    .optional(),
  dry_run: z.enum(["true", "false", "1", "0"]).optional(),
});
export type ContactImportQuery = z.infer<typeof contactImportQuery>;
