import type { Db } from "@openwaba/store";
import type { Suite } from "../../suite";

export interface ClaimScheduleFiringProps {
  flowId: string;
  tenantId: string;
  /** The firing time as it was read: claimed only if no other node has moved it on since. */
  dueAt: number | null;
  /** When it fires after this one (null: not a schedule any more). */
  nextAt: number | null;
}

/**
 * Claims a scheduled flow's due firing — moves its next firing time on, only from the time it was
 * read at — and queues the firing. False when another node fired it first.
 */
export async function claimScheduleFiring(suite: Suite, tx: Db, p: ClaimScheduleFiringProps): Promise<boolean> {
  const moved = await tx
    .updateTable("suite_flows")
    .set({ next_fire_at: p.nextAt })
    .where("id", "=", p.flowId)
    .where("next_fire_at", "=", p.dueAt)
    .executeTakeFirst();
  if (!Number(moved.numUpdatedRows)) return false;
  await suite.jobs.enqueue(
    tx,
    "flow.schedule",
    { flowId: p.flowId, tenantId: p.tenantId, firedAt: Number(p.dueAt) },
    { key: `schedule:${p.flowId}`, runAt: suite.clock.now() },
  );
  return true;
}
