import type { Kysely } from "kysely";
import { millisColumn, type Dialect } from "../dialect";

export const name = "019-suite-faq";

// The FAQ bot (issue #5 item 3): a tenant's question/answer pairs, and the questions it could
// not answer (for the team to improve the base).
export async function up(db: Kysely<any>, dialect: Dialect): Promise<void> {
  const ms = millisColumn(dialect);
  await db.schema
    .createTable("suite_faq")
    .ifNotExists()
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("tenant_id", "text", (c) => c.notNull())
    .addColumn("question", "text", (c) => c.notNull())
    .addColumn("answer", "text", (c) => c.notNull())
    .addColumn("language", "text")
    .addColumn("created_at", ms, (c) => c.notNull())
    .execute();
  await db.schema.createIndex("suite_faq_by_tenant").ifNotExists().on("suite_faq").columns(["tenant_id"]).execute();
  await db.schema
    .createTable("suite_faq_misses")
    .ifNotExists()
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("tenant_id", "text", (c) => c.notNull())
    .addColumn("conversation_id", "text", (c) => c.notNull())
    .addColumn("question", "text", (c) => c.notNull())
    .addColumn("confidence", "real")
    .addColumn("at", ms, (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex("suite_faq_misses_by_tenant")
    .ifNotExists()
    .on("suite_faq_misses")
    .columns(["tenant_id", "at"])
    .execute();
}
