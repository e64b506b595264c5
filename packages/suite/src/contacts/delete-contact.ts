import type { Db } from "@openwaba/store";
import type { SuiteUser } from "../auth/sessions";
import { notFound } from "../errors";
import { emitBusinessEvent } from "../outbound/business-events";
import type { Suite } from "../suite";
import { presentContact } from "./contacts-store";
import { stoppedInWhatsApp } from "./consent";

/**
 * Deletes a contact of the user's tenant (another tenant's looks like none) and queues
 * `contact.deleted` for the business's systems in the same transaction. Conversations with the
 * number are kept: they are the team's history, not the contact record. A STOP the customer sent
 * in WhatsApp is kept too (suite_whatsapp_stops): a contact made again for the number is stopped.
 */
export async function deleteContact(suite: Suite, tx: Db, user: SuiteUser, id: string): Promise<void> {
  const c = await tx
    .selectFrom("suite_contacts")
    .selectAll()
    .where("id", "=", id)
    .where("tenant_id", "=", user.tenant_id)
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
  await emitBusinessEvent(suite, tx, user.tenant_id, "contact.deleted", {
    contact: presentContact(c),
    source: `console:${user.email}`,
  });
}
