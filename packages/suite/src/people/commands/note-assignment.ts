import type { Db } from "@openwaba/store";
import type { Suite } from "../../suite";

/** A person was given a conversation now: round-robin routing gives the next one to someone else. */
export async function noteAssignment(suite: Suite, tx: Db, p: { userId: string }): Promise<void> {
  await tx.updateTable("suite_users").set({ last_assigned_at: suite.clock.now() }).where("id", "=", p.userId).execute();
}
