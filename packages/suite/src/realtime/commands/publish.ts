import type { Db } from "@openwaba/store";
import type { Suite } from "../../suite";
import { notifyAfterCommit } from "../../unit-of-work";
import { lockTenant } from "../tenant-lock";

export interface SuiteEvent {
  tenant_id: string;
  /** The team whose queue the event concerns: agents outside it do not see it. */
  team_id?: string | null;
  conversation_id?: string | null;
  kind: string;
  payload: Record<string, unknown>;
}

/**
 * Writes a realtime event in the caller's transaction (opened by `suiteTransaction`, which wakes the
 * streams once it commits), so consoles hear of a change exactly when it is committed.
 */
export async function publish(suite: Suite, tx: Db, e: SuiteEvent): Promise<void> {
  await lockTenant(suite, tx, e.tenant_id);
  await tx
    .insertInto("suite_events")
    .values({
      tenant_id: e.tenant_id,
      team_id: e.team_id ?? null,
      conversation_id: e.conversation_id ?? null,
      kind: e.kind,
      payload: JSON.stringify(e.payload),
      at: suite.clock.now(),
    })
    .execute();
  notifyAfterCommit(suite, tx);
}
