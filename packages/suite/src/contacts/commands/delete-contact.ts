import type { Db } from "@openwaba/store";
import { notFound } from "../../errors";
import { emitBusinessEvent } from "../../outbound/business-events";
import type { Suite } from "../../suite";
import { presentContact } from "../contacts-store";
import { stoppedInWhatsApp } from "../consent";

export interface DeleteContactProps {
  tenantId: string;
  /** One of the tenant's contacts; another tenant's looks like none (404). */
  contactId: string;
  /** Who deletes it, sent with the business's event: console:<email>. */
  source: string;
}

/**
 * Deletes a contact of the tenant and queues
 * `contact.deleted` for the business's systems in the same transaction. Conversations with the
 * number are kept: they are the team's history, not the contact record. A STOP the customer sent
 * in WhatsApp is kept too (suite_whatsapp_stops): a contact made again for the number is stopped.
 */
export async function deleteContact(suite: Suite, tx: Db, p: DeleteContactProps): Promise<void> {
  const c = await tx
    .selectFrom("suite_contacts")
    .selectAll()
    .where("id", "=", p.contactId)
    .where("tenant_id", "=", p.tenantId)
    .executeTakeFirst();
  if (!c) throw notFound("Contact");
  await tx.deleteFrom("suite_contacts").where("id", "=", c.id).execute();
  // The customer's own STOP is theirs, not the business's record: it stays (only they can lift it).
  if (stoppedInWhatsApp(c)) {
    await tx
      .insertInto("suite_whatsapp_stops")
      .values({ tenant_id: c.tenant_id, wa_id: c.wa_id, at: c.consent_at ?? suite.clock.now() })
      .onConflict((x) => x.columns(["tenant_id", "wa_id"]).doUpdateSet({ at: c.consent_at ?? suite.clock.now() }))
      .execute();
  }
  await emitBusinessEvent(suite, tx, p.tenantId, "contact.deleted", { contact: presentContact(c), source: p.source });
}
