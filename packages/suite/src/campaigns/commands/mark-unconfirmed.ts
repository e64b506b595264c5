import type { Db } from "@openwaba/store";
import type { Suite } from "../../suite";

export interface MarkUnconfirmedProps {
  campaignId: string;
  /** Only sends marked under way before then (longer than any send takes); all of them if not given. */
  staleBefore?: number;
  /** Recipients whose send this process still has in hand. */
  inflight?: readonly number[];
}

/**
 * Sends marked under way that no process holds any more (their sender died, or their answer could
 * not be recorded) may have gone: they wait as unconfirmed for their status, never sent again.
 */
export async function markUnconfirmed(suite: Suite, tx: Db, p: MarkUnconfirmedProps): Promise<void> {
  let q = tx
    .updateTable("suite_campaign_recipients")
    .set({ state: "unconfirmed", updated_at: suite.clock.now() })
    .where("campaign_id", "=", p.campaignId)
    .where("state", "=", "sending");
  if (p.staleBefore !== undefined) q = q.where("updated_at", "<", p.staleBefore);
  if (p.inflight) q = q.where("seq", "not in", p.inflight.length ? [...p.inflight] : [-1]);
  await q.execute();
}
