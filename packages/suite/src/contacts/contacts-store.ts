import type { Selectable } from "kysely";
import type { SuiteContactsTable } from "@openwaba/store";
import type { ContactInput } from "./contact-row";
import { presentConsent } from "./consent";

export type ContactRow = Selectable<SuiteContactsTable>;

/** What a contact is saved with: a contact's fields, and for consent the instant it was given (now unless said). */
export type ContactChange = Partial<ContactInput> & { wa_id: string; consent_at?: number };

export const presentContact = (r: ContactRow) => ({
  id: r.id,
  wa_id: r.wa_id,
  name: r.name,
  language: r.language,
  timezone: r.timezone,
  attributes: JSON.parse(r.attributes) as Record<string, string>,
  tags: JSON.parse(r.tags) as string[],
  consent: presentConsent(r),
  last_activity_at: r.last_activity_at === null ? null : new Date(r.last_activity_at).toISOString(),
  created_at: new Date(r.created_at).toISOString(),
  updated_at: new Date(r.updated_at).toISOString(),
});
