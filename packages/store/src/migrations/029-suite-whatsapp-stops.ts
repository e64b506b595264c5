import type { Kysely } from "kysely";
import { millisColumn, type Dialect } from "../dialect";

export const name = "029-suite-whatsapp-stops";

// A customer's STOP in WhatsApp outlives the deletion of their contact (issue #10 item 10): the
// suite forgets the contact but keeps the number on its "do not market" list, so a contact made
// again for it (an import, the console) is stopped, as the platform would still refuse (131050).
export async function up(db: Kysely<any>, dialect: Dialect): Promise<void> {
  await db.schema
    .createTable("suite_whatsapp_stops")
    .ifNotExists()
    .addColumn("tenant_id", "text", (c) => c.notNull())
    .addColumn("wa_id", "text", (c) => c.notNull())
    .addColumn("at", millisColumn(dialect), (c) => c.notNull())
    .addPrimaryKeyConstraint("suite_whatsapp_stops_pk", ["tenant_id", "wa_id"])
    .execute();
}
