import type { Db } from "@openwaba/store";
import type { SuiteUser } from "../auth/sessions";
import { notFound } from "../errors";
import { emitBusinessEvent } from "../outbound/business-events";
import type { Suite } from "../suite";
import { presentContact } from "./contacts-store";

/**
 * Deletes a contact of the user's tenant (another tenant's looks like none) and queues
 * `contact.deleted` for the business's systems in the same transaction. Conversations with the
 * number are kept: they are the team's history, not the contact record.
 */
export async function deleteContact(suite: Suite, tx: Db, user: SuiteUser, id: string): Promise<void> {
  const c = await tx.selectFrom("suite_contacts").selectAll().where("id", "=", id).where("tenant_id", "=", user.tenant_id).executeTakeFirst();
  if (!c) throw notFound("Contact");
  await tx.deleteFrom("suite_contacts").where("id", "=", c.id).execute();
  await emitBusinessEvent(suite, tx, user.tenant_id, "contact.deleted", { contact: presentContact(c), source: `console:${user.email}` });
}
