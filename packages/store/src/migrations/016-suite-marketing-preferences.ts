import type { Kysely } from "kysely";
import { millisColumn, type Dialect } from "../dialect";

export const name = "016-suite-marketing-preferences";

// A customer's "stop marketing messages" preference as the Cloud API's user_preferences webhook
// reported it (issue #4 item 4: the profile panel shows the consent state).
export async function up(db: Kysely<any>, dialect: Dialect): Promise<void> {
  await db.schema
    .createTable("suite_marketing_preferences")
    .ifNotExists()
    .addColumn("tenant_id", "text", (c) => c.notNull())
    .addColumn("wa_id", "text", (c) => c.notNull())
    .addColumn("value", "text", (c) => c.notNull())
    .addColumn("at", millisColumn(dialect), (c) => c.notNull())
    .addPrimaryKeyConstraint("suite_marketing_preferences_pk", ["tenant_id", "wa_id"])
    .execute();
}
