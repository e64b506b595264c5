import type { Kysely } from "kysely";
import { millisColumn, type Dialect } from "../dialect";

export const name = "023-suite-widget";

// The website chat widget (issue #5 item 5): one per tenant, found by its public id (the public
// script is looked up by it, so a table, not the settings JSON), linking to two entry points.
// Entry points learn where they came from, which becomes the source of the consent they grant.
export async function up(db: Kysely<any>, dialect: Dialect): Promise<void> {
  await db.schema
    .alterTable("suite_entry_points")
    .addColumn("source", "text", (c) => c.notNull().defaultTo("qr"))
    .execute();
  await db.schema
    .createTable("suite_widgets")
    .ifNotExists()
    .addColumn("tenant_id", "text", (c) => c.primaryKey())
    .addColumn("public_id", "text", (c) => c.notNull().unique())
    .addColumn("phone_number_id", "text", (c) => c.notNull())
    .addColumn("config", "text", (c) => c.notNull())
    .addColumn("plain_code", "text", (c) => c.notNull())
    .addColumn("opt_in_code", "text")
    .addColumn("version", "integer", (c) => c.notNull())
    .addColumn("updated_at", millisColumn(dialect), (c) => c.notNull())
    .execute();
}
