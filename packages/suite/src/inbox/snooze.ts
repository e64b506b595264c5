import type { Suite } from "../suite";
import { recordEvent } from "./conversation-events";
import { tenantTransaction } from "../realtime/tenant-lock";

const EARLY_STATUS_MS = 3600_000;

/**
 * Housekeeping every few seconds: snoozed conversations whose time has come are open again, and
 * early ticks never claimed by a message (sends made outside the suite) are dropped after an hour.
 */
export async function wakeSnoozed(suite: Suite): Promise<void> {
  const now = suite.clock.now();
  const due = await suite.db
    .selectFrom("suite_conversations")
    .select(["id", "tenant_id"])
    .where("state", "=", "snoozed")
    .where("snoozed_until", "<=", now)
    .limit(200)
    .execute();
  for (const d of due) {
    await tenantTransaction(suite, d.tenant_id, async (tx) => {
      const r = await tx
        .updateTable("suite_conversations")
        .set({ state: "open", snoozed_until: null })
        .where("id", "=", d.id)
        .where("state", "=", "snoozed")
        .executeTakeFirst();
      if (Number(r.numUpdatedRows)) await recordEvent(suite, tx, d.id, "woke", null);
    });
  }
  if (due.length) suite.bus.notify();
  await suite.db
    .deleteFrom("suite_early_statuses")
    .where("at", "<", now - EARLY_STATUS_MS)
    .execute();
}
