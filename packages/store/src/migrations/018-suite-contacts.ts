import type { Kysely } from "kysely";
import { millisColumn, type Dialect } from "../dialect";

export const name = "018-suite-contacts";

// Contacts, CRM-lite (issue #5 item 4): one per tenant and customer number (E.164 digits), with
// custom attributes, tags, marketing consent with its source, language, time zone, last activity.
export async function up(db: Kysely<any>, dialect: Dialect): Promise<void> {
  const ms = millisColumn(dialect);
  await db.schema
    .createTable("suite_contacts")
    .ifNotExists()
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("tenant_id", "text", (c) => c.notNull())
    .addColumn("wa_id", "text", (c) => c.notNull())
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("language", "text")
    .addColumn("timezone", "text")
    .addColumn("attributes", "text", (c) => c.notNull())
    .addColumn("tags", "text", (c) => c.notNull())
    .addColumn("marketing_consent", "text")
    .addColumn("consent_source", "text")
    .addColumn("consent_at", ms)
    .addColumn("last_activity_at", ms)
    .addColumn("created_at", ms, (c) => c.notNull())
    .addColumn("updated_at", ms, (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex("suite_contacts_by_number")
    .ifNotExists()
    .unique()
    .on("suite_contacts")
    .columns(["tenant_id", "wa_id"])
    .execute();
}
