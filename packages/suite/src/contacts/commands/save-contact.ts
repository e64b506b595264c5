import type { Db } from "@openwaba/store";
import { SuiteError } from "../../errors";
import { newId } from "../../ids";
import { emitBusinessEvent } from "../../outbound/business-events";
import type { Suite } from "../../suite";
import { nextConsent, WHATSAPP_PREFERENCE } from "../consent";
import { type ContactChange, type ContactRow, presentContact } from "../contacts-store";

export interface SaveContactProps {
  tenantId: string;
  /** The fields to save; the number says which contact. */
  contact: ContactChange;
  /**
   * Where the change comes from — whatsapp, csv_import, console:<email>, flow:<name>, campaign:<name>,
   * an entry point — recorded with a consent it states and sent with the business's events.
   */
  source: string;
  /** The customer was active now (they wrote): their last activity is now. */
  touchActivity?: boolean;
  /** An edit: the tags and attributes given replace the contact's; otherwise they add up. */
  replaceLists?: boolean;
}

/**
 * Saves a contact and tells the business's systems when it was made or changed (a customer's mere
 * activity is not news), in the caller's transaction.
 */
export async function saveContact(suite: Suite, tx: Db, p: SaveContactProps) {
  const { tenantId, contact: c, source } = p;
  const r = await upsertContact(tx, p, suite.clock.now());
  const changed =
    r.consentChanged ||
    Object.entries(c).some(
      ([k, v]) => !["wa_id", "consent", "consent_at"].includes(k) && v !== undefined && v !== null,
    );
  if (r.created || changed)
    await emitBusinessEvent(suite, tx, tenantId, r.created ? "contact.created" : "contact.updated", {
      contact: presentContact(r.contact),
      source,
    });
  return r;
}

/**
 * Creates a contact or merges into the one with that number: given fields win, tags add up,
 * attributes merge, and consent changes only when the input states it (recording its source) and
 * the consent model lets it (`nextConsent`); `consentChanged` says whether it did.
 */
async function upsertContact(
  tx: Db,
  p: SaveContactProps,
  now: number,
): Promise<{ created: boolean; contact: ContactRow; consentChanged: boolean }> {
  const { tenantId, source } = p;
  const activity = p.touchActivity ?? false;
  const replace = p.replaceLists ?? false;
  // Tags are lower-case, whoever writes them.
  const c = p.contact.tags
    ? { ...p.contact, tags: [...new Set(p.contact.tags.map((t) => t.toLowerCase()))] }
    : p.contact;
  const change = c.consent ? { consent: c.consent, source, at: c.consent_at ?? now } : null;
  let existing = await tx
    .selectFrom("suite_contacts")
    .selectAll()
    .where("tenant_id", "=", tenantId)
    .where("wa_id", "=", c.wa_id)
    .executeTakeFirst();
  if (!existing) {
    // A number whose contact was deleted after a STOP in WhatsApp is stopped again, whatever the input says.
    const stop = await tx
      .selectFrom("suite_whatsapp_stops")
      .select("at")
      .where("tenant_id", "=", tenantId)
      .where("wa_id", "=", c.wa_id)
      .executeTakeFirst();
    const stopped = stop
      ? { marketing_consent: "revoked" as const, consent_source: WHATSAPP_PREFERENCE, consent_at: Number(stop.at) }
      : undefined;
    const consent = change ? (nextConsent(stopped, change) ?? stopped ?? {}) : (stopped ?? {});
    if (stop)
      await tx
        .deleteFrom("suite_whatsapp_stops")
        .where("tenant_id", "=", tenantId)
        .where("wa_id", "=", c.wa_id)
        .execute();
    const row: ContactRow = {
      id: newId(),
      tenant_id: tenantId,
      wa_id: c.wa_id,
      name: c.name ?? c.wa_id,
      language: c.language ?? null,
      timezone: c.timezone ?? null,
      attributes: JSON.stringify(c.attributes ?? {}),
      tags: JSON.stringify(c.tags ?? []),
      marketing_consent: null,
      consent_source: null,
      consent_at: null,
      last_activity_at: activity ? now : null,
      created_at: now,
      updated_at: now,
      ...consent,
    };
    // Someone else may have made it a moment ago (the intake and an import): then merge into theirs.
    const made = await tx
      .insertInto("suite_contacts")
      .values(row)
      .onConflict((x) => x.columns(["tenant_id", "wa_id"]).doNothing())
      .executeTakeFirst();
    if (Number(made.numInsertedOrUpdatedRows ?? 1)) return { created: true, contact: row, consentChanged: !!change };
    existing = await tx
      .selectFrom("suite_contacts")
      .selectAll()
      .where("tenant_id", "=", tenantId)
      .where("wa_id", "=", c.wa_id)
      .executeTakeFirstOrThrow();
  }
  for (let attempt = 0; ; attempt++) {
    const consent = change ? nextConsent(existing, change) : null;
    const set = {
      ...(c.name ? { name: c.name } : {}),
      ...(c.language ? { language: c.language } : {}),
      ...(c.timezone ? { timezone: c.timezone } : {}),
      // An edit replaces tags and attributes it names; imports and messages add to them.
      attributes: JSON.stringify(
        replace && c.attributes ? c.attributes : { ...JSON.parse(existing.attributes), ...(c.attributes ?? {}) },
      ),
      tags: JSON.stringify(
        replace && c.tags ? c.tags : [...new Set([...JSON.parse(existing.tags), ...(c.tags ?? [])])],
      ),
      updated_at: now,
      ...consent,
      ...(activity ? { last_activity_at: now } : {}),
    };
    let q = tx.updateTable("suite_contacts").set(set).where("id", "=", existing.id);
    // A consent decided on what was read is written only if it is still so: an import must not
    // overwrite a STOP that a webhook wrote meanwhile (the import holds no tenant lock).
    if (change)
      for (const k of ["marketing_consent", "consent_source", "consent_at"] as const)
        q = existing[k] === null ? q.where(k, "is", null) : q.where(k, "=", existing[k]!);
    if (Number((await q.executeTakeFirst()).numUpdatedRows))
      return { created: false, contact: { ...existing, ...set }, consentChanged: !!consent };
    // Consent kept changing under us: nothing was written; say so rather than report a change that did not happen.
    if (attempt >= 5)
      throw new SuiteError(409, "contact_busy", `+${c.wa_id} is being changed by something else right now; try again.`);
    const fresh = await tx.selectFrom("suite_contacts").selectAll().where("id", "=", existing.id).executeTakeFirst();
    if (!fresh) return { created: false, contact: { ...existing, ...set }, consentChanged: false }; // deleted meanwhile
    existing = fresh;
  }
}
