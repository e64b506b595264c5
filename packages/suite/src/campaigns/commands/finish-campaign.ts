import type { Db } from "@openwaba/store";
import type { Suite } from "../../suite";
import { SENDING } from "../campaign-state";
import { UNSETTLED } from "../recipient-state";
import { moveCampaign } from "./move-campaign";

export interface FinishCampaignProps {
  campaignId: string;
}

/**
 * A campaign whose recipients are all settled (none pending, on its way or unconfirmed) is
 * completed, and whatever held it is over. Returns whether they are all settled.
 */
export async function finishIfDone(suite: Suite, tx: Db, p: FinishCampaignProps): Promise<boolean> {
  const open = await tx
    .selectFrom("suite_campaign_recipients")
    .select("seq")
    .where("campaign_id", "=", p.campaignId)
    .where("state", "in", UNSETTLED)
    .limit(1)
    .executeTakeFirst();
  if (open) return false;
  const now = suite.clock.now();
  await moveCampaign(suite, tx, {
    campaignId: p.campaignId,
    from: SENDING,
    to: "completed",
    set: { completed_at: now, hold_until: null, hold_reason: null },
    now,
  });
  return true;
}
