import type { Selectable } from "kysely";
import type { Db, SuiteContactsTable } from "@openwaba/store";
import { newId } from "../ids";
import { emitBusinessEvent } from "../outbound/business-events";
import type { Suite } from "../suite";
import type { ContactInput } from "./contact-row";

export type ContactRow = Selectable<SuiteContactsTable>;

/**
 * Creates a contact or merges into the one with that number: given fields win, tags add up,
 * attributes merge, and consent changes only when the input states it (recording its source).
 */
export async function upsertContact(tx: Db, tenantId: string, c: Partial<ContactInput> & { wa_id: string }, now: number, source: string, activity = false, replace = false): Promise<{ created: boolean; contact: ContactRow }> {
  const consent = c.consent ? { marketing_consent: c.consent, consent_source: source, consent_at: now } : {};
  let existing = await tx.selectFrom("suite_contacts").selectAll().where("tenant_id", "=", tenantId).where("wa_id", "=", c.wa_id).executeTakeFirst();
  if (!existing) {
    const row: ContactRow = {
      id: newId(), tenant_id: tenantId, wa_id: c.wa_id, name: c.name ?? c.wa_id, language: c.language ?? null, timezone: c.timezone ?? null,
      attributes: JSON.stringify(c.attributes ?? {}), tags: JSON.stringify(c.tags ?? []), marketing_consent: null, consent_source: null, consent_at: null,
      last_activity_at: activity ? now : null, created_at: now, updated_at: now, ...consent,
    };
    // Someone else may have made it a moment ago (the intake and an import): then merge into theirs.
    const made = await tx.insertInto("suite_contacts").values(row).onConflict((x) => x.columns(["tenant_id", "wa_id"]).doNothing()).executeTakeFirst();
    if (Number(made.numInsertedOrUpdatedRows ?? 1)) return { created: true, contact: row };
    existing = await tx.selectFrom("suite_contacts").selectAll().where("tenant_id", "=", tenantId).where("wa_id", "=", c.wa_id).executeTakeFirstOrThrow();
  }
  const set = {
    ...(c.name ? { name: c.name } : {}), ...(c.language ? { language: c.language } : {}), ...(c.timezone ? { timezone: c.timezone } : {}),
    // An edit replaces tags and attributes it names; imports and messages add to them.
    attributes: JSON.stringify(replace && c.attributes ? c.attributes : { ...JSON.parse(existing.attributes), ...(c.attributes ?? {}) }),
    tags: JSON.stringify(replace && c.tags ? c.tags : [...new Set([...JSON.parse(existing.tags), ...(c.tags ?? [])])]),
    updated_at: now, ...consent, ...(activity ? { last_activity_at: now } : {}),
  };
  await tx.updateTable("suite_contacts").set(set).where("id", "=", existing.id).execute();
  return { created: false, contact: { ...existing, ...set } };
}

export const presentContact = (r: ContactRow) => ({
  id: r.id, wa_id: r.wa_id, name: r.name, language: r.language, timezone: r.timezone,
  attributes: JSON.parse(r.attributes) as Record<string, string>, tags: JSON.parse(r.tags) as string[],
  consent: r.marketing_consent ? { marketing: r.marketing_consent, source: r.consent_source, at: new Date(r.consent_at!).toISOString() } : null,
  last_activity_at: r.last_activity_at === null ? null : new Date(r.last_activity_at).toISOString(),
  created_at: new Date(r.created_at).toISOString(), updated_at: new Date(r.updated_at).toISOString(),
});

/**
 * Saves a contact and tells the business's systems when it was made or changed (a customer's mere
 * activity is not news), in the caller's transaction.
 */
export async function saveContact(suite: Suite, tx: Db, tenantId: string, c: Partial<ContactInput> & { wa_id: string }, source: string, activity = false, replace = false) {
  const r = await upsertContact(tx, tenantId, c, suite.clock.now(), source, activity, replace);
  const changed = Object.entries(c).some(([k, v]) => k !== "wa_id" && v !== undefined && v !== null);
  if (r.created || changed) await emitBusinessEvent(suite, tx, tenantId, r.created ? "contact.created" : "contact.updated", { contact: presentContact(r.contact), source });
  return r;
}
