import type { Db } from "@openwaba/store";
import type { Suite } from "../../suite";

/** Marks every unread alert of a tenant read now. */
export async function markAlertsRead(suite: Suite, db: Db, p: { tenantId: string }): Promise<void> {
  await db
    .updateTable("suite_alerts")
    .set({ read_at: suite.clock.now() })
    .where("tenant_id", "=", p.tenantId)
    .where("read_at", "is", null)
    .execute();
}
