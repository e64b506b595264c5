import type { Db } from "@openwaba/store";
import type { Suite } from "../../suite";

export interface HoldCampaignProps {
  campaignId: string;
  /** Nothing is sent before then. */
  until: number;
  /** Why, as the console shows it. */
  reason: string;
}

/** The messaging limit has no room: the campaign sends nothing until then (its state stays). */
export async function holdCampaign(suite: Suite, tx: Db, p: HoldCampaignProps): Promise<void> {
  await tx
    .updateTable("suite_campaigns")
    .set({ hold_until: p.until, hold_reason: p.reason, updated_at: suite.clock.now() })
    .where("id", "=", p.campaignId)
    .execute();
}
