import type { Kysely } from "kysely";
import { millisColumn, type Dialect } from "../dialect";

export const name = "003-templates";

// Message templates (cloud-api-reference.md §4). Deleted templates stay as rows with their
// deletion time: an approved name stays blocked for 30 days after deletion.
export async function up(db: Kysely<any>, dialect: Dialect): Promise<void> {
  const millis = millisColumn(dialect);
  await db.schema
    .createTable("templates")
    .ifNotExists()
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("waba_id", "text", (c) => c.notNull())
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("language", "text", (c) => c.notNull())
    .addColumn("category", "text", (c) => c.notNull())
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("parameter_format", "text", (c) => c.notNull())
    .addColumn("components", "text", (c) => c.notNull())
    .addColumn("quality_score", "text", (c) => c.notNull())
    .addColumn("rejected_reason", "text")
    .addColumn("message_send_ttl_seconds", "integer")
    .addColumn("edits", "text", (c) => c.notNull())
    .addColumn("was_approved", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("created_at", millis, (c) => c.notNull())
    .addColumn("updated_at", millis, (c) => c.notNull())
    .addColumn("deleted_at", millis)
    .execute();
  await db.schema
    .createIndex("templates_by_name")
    .ifNotExists()
    .on("templates")
    .columns(["waba_id", "name", "language"])
    .execute();
}
