import type { Kysely } from "kysely";
import { millisColumn, type Dialect } from "../dialect";

export const name = "009-template-quality";

// Template quality (issue #3 item 4): messages and signals remember the template they concern,
// and templates count their pauses.
export async function up(db: Kysely<any>, dialect: Dialect): Promise<void> {
  const millis = millisColumn(dialect);
  await db.schema.alterTable("messages").addColumn("template_id", "text").execute();
  await db.schema.alterTable("quality_signals").addColumn("template_id", "text").execute();
  await db.schema
    .alterTable("templates")
    .addColumn("pause_count", "integer", (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema.alterTable("templates").addColumn("paused_until", millis).execute();
}
