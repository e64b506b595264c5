import type { Kysely } from "kysely";
import { millisColumn, type Dialect } from "../dialect";

export const name = "006-consents";

// The consent ledger (issue #3 item 7): every grant and revocation, with its source and evidence.
export async function up(db: Kysely<any>, dialect: Dialect): Promise<void> {
  await db.schema
    .createTable("consents")
    .ifNotExists()
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("waba_id", "text", (c) => c.notNull())
    .addColumn("wa_id", "text", (c) => c.notNull())
    .addColumn("scope", "text", (c) => c.notNull())
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("source", "text", (c) => c.notNull())
    .addColumn("evidence", "text")
    .addColumn("at", millisColumn(dialect), (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex("consents_by_user")
    .ifNotExists()
    .on("consents")
    .columns(["waba_id", "wa_id", "scope", "at"])
    .execute();
}
