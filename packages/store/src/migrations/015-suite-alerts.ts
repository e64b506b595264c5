import type { Kysely } from "kysely";
import { millisColumn, type Dialect } from "../dialect";

export const name = "015-suite-alerts";

// Alerts for the tenant's admins (issue #4 item 7): a number's or a template's quality or status
// changed, or the messaging limit moved, as the Cloud API's webhooks told the suite.
export async function up(db: Kysely<any>, dialect: Dialect): Promise<void> {
  const ms = millisColumn(dialect);
  await db.schema
    .createTable("suite_alerts")
    .ifNotExists()
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("tenant_id", "text", (c) => c.notNull())
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("severity", "text", (c) => c.notNull())
    .addColumn("title", "text", (c) => c.notNull())
    .addColumn("data", "text", (c) => c.notNull())
    .addColumn("at", ms, (c) => c.notNull())
    .addColumn("read_at", ms)
    .execute();
  await db.schema
    .createIndex("suite_alerts_by_tenant")
    .ifNotExists()
    .on("suite_alerts")
    .columns(["tenant_id", "at"])
    .execute();
}
