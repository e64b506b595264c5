import type { Db } from "@openwaba/store";
import type { Suite } from "../../suite";

export interface CancelUnsentProps {
  campaignId: string;
}

/** A cancelled campaign's recipients not yet sent stay unsent; what is on its way is recorded as it answers. */
export async function cancelUnsent(suite: Suite, tx: Db, p: CancelUnsentProps): Promise<void> {
  await tx
    .updateTable("suite_campaign_recipients")
    .set({ state: "cancelled", updated_at: suite.clock.now() })
    .where("campaign_id", "=", p.campaignId)
    .where("state", "=", "pending")
    .execute();
}
