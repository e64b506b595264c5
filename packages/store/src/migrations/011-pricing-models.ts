import type { Kysely } from "kysely";
import { millisColumn, type Dialect } from "../dialect";

export const name = "011-pricing-models";

// Both pricing models and free entry points (issue #3 item 8): a WABA may pin its model; windows
// remember an ad or page click (entry point) and the 72-hour free window it opened; messages keep
// the free window and the conversation (conversation-based model) they fell in.
export async function up(db: Kysely<any>, dialect: Dialect): Promise<void> {
  const millis = millisColumn(dialect);
  await db.schema.alterTable("wabas").addColumn("pricing_model", "text").execute();
  await db.schema.alterTable("customer_windows").addColumn("entry_point_at", millis).execute();
  await db.schema.alterTable("customer_windows").addColumn("free_entry_until", millis).execute();
  await db.schema.alterTable("messages").addColumn("free_entry_until", millis).execute();
  await db.schema.alterTable("messages").addColumn("conversation_id", "text").execute();
  await db.schema
    .createTable("conversations")
    .ifNotExists()
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("phone_number_id", "text", (c) => c.notNull())
    .addColumn("wa_id", "text", (c) => c.notNull())
    .addColumn("category", "text", (c) => c.notNull())
    .addColumn("opened_at", millis, (c) => c.notNull())
    .addColumn("expires_at", millis, (c) => c.notNull())
    .addColumn("billable", "integer", (c) => c.notNull())
    .addColumn("charged_at", millis)
    .execute();
  await db.schema
    .createIndex("conversations_by_user")
    .ifNotExists()
    .on("conversations")
    .columns(["phone_number_id", "wa_id", "expires_at"])
    .execute();
  await db.schema
    .alterTable("billing_ledger")
    .addColumn("pricing_model", "text", (c) => c.notNull().defaultTo("PMP"))
    .execute();
  await db.schema.alterTable("billing_ledger").addColumn("conversation_id", "text").execute();
}
