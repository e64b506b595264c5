import type { Kysely } from "kysely";
import { millisColumn, type Dialect } from "../dialect";

export const name = "021-suite-entry-points";

// Consent entry points (issue #5 item 5): the QR codes and wa.me links the suite made, and
// whether the message they prefill is an opt-in (a customer who sends it grants marketing consent).
export async function up(db: Kysely<any>, dialect: Dialect): Promise<void> {
  await db.schema
    .createTable("suite_entry_points")
    .ifNotExists()
    .addColumn("code", "text", (c) => c.primaryKey())
    .addColumn("tenant_id", "text", (c) => c.notNull())
    .addColumn("phone_number_id", "text", (c) => c.notNull())
    .addColumn("prefilled_message", "text", (c) => c.notNull())
    .addColumn("opt_in", "integer", (c) => c.notNull())
    .addColumn("created_at", millisColumn(dialect), (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex("suite_entry_points_by_number")
    .ifNotExists()
    .on("suite_entry_points")
    .columns(["phone_number_id"])
    .execute();
}
