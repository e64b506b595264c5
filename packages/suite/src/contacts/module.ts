import type { SuiteModule } from "../module";
import { registerContactRoutes } from "./contacts.routes";
import { saveContact } from "./commands/save-contact";

/** Contacts: every customer who writes is one, active now, named as WhatsApp names them (unless named already). */
export const contactsModule: SuiteModule = {
  name: "contacts",
  routes: registerContactRoutes,
  async onCustomerMessage(suite, tx, e) {
    const known = await tx
      .selectFrom("suite_contacts")
      .select("id")
      .where("tenant_id", "=", e.tenantId)
      .where("wa_id", "=", e.message.from)
      .executeTakeFirst();
    const { created } = await saveContact(suite, tx, {
      tenantId: e.tenantId,
      contact: { wa_id: e.message.from, ...(known ? {} : { name: e.name }) },
      source: "whatsapp",
      touchActivity: true,
    });
    e.newContact = created;
    return undefined;
  },
};
