import type { Kysely } from "kysely";
import { millisColumn, type Dialect } from "../dialect";

export const name = "007-billing-ledger";

// The billing ledger (issue #3 item 8): one row per charged message, written with the status that
// makes it chargeable (delivered, or read when delivery was skipped); amounts in micro-units.
export async function up(db: Kysely<any>, dialect: Dialect): Promise<void> {
  const millis = millisColumn(dialect);
  await db.schema
    .createTable("billing_ledger")
    .ifNotExists()
    .addColumn("message_id", "text", (c) => c.primaryKey())
    .addColumn("waba_id", "text", (c) => c.notNull())
    .addColumn("phone_number_id", "text", (c) => c.notNull())
    .addColumn("wa_id", "text", (c) => c.notNull())
    .addColumn("country", "text", (c) => c.notNull())
    .addColumn("category", "text", (c) => c.notNull())
    .addColumn("pricing_type", "text", (c) => c.notNull())
    .addColumn("amount_micros", millis, (c) => c.notNull())
    .addColumn("currency", "text", (c) => c.notNull())
    .addColumn("at", millis, (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex("billing_by_waba")
    .ifNotExists()
    .on("billing_ledger")
    .columns(["waba_id", "at"])
    .execute();
}
