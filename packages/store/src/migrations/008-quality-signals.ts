import type { Kysely } from "kysely";
import { millisColumn, type Dialect } from "../dialect";

export const name = "008-quality-signals";

// What users do that rates a business number (issue #3 item 5): blocks and spam reports, kept with
// their time so quality can weigh recent ones more. The simulator's blocks live beside them.
export async function up(db: Kysely<any>, dialect: Dialect): Promise<void> {
  const millis = millisColumn(dialect);
  await db.schema
    .createTable("quality_signals")
    .ifNotExists()
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("phone_number_id", "text", (c) => c.notNull())
    .addColumn("wa_id", "text", (c) => c.notNull())
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("reason", "text")
    .addColumn("at", millis, (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex("quality_signals_by_phone")
    .ifNotExists()
    .on("quality_signals")
    .columns(["phone_number_id", "at"])
    .execute();
  await db.schema
    .createTable("sim_blocks")
    .ifNotExists()
    .addColumn("wa_id", "text", (c) => c.notNull())
    .addColumn("phone_number_id", "text", (c) => c.notNull())
    .addColumn("at", millis, (c) => c.notNull())
    .addPrimaryKeyConstraint("sim_blocks_pk", ["wa_id", "phone_number_id"])
    .execute();
}
