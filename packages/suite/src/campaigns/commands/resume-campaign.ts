import type { Db } from "@openwaba/store";
import type { Suite } from "../../suite";
import { afterCommit } from "../../unit-of-work";
import { CAMPAIGN_DISPATCHER } from "../campaign-dispatcher";
import { moveCampaign } from "./move-campaign";

export interface ResumeCampaignProps {
  campaignId: string;
}

/** A paused campaign runs again (the dispatcher is woken once it is committed); false when it was not paused. */
export async function resumeCampaign(suite: Suite, tx: Db, p: ResumeCampaignProps): Promise<boolean> {
  const moved = await moveCampaign(suite, tx, {
    campaignId: p.campaignId,
    from: ["paused"],
    to: "running",
    set: { pause_reason: null },
  });
  if (moved) afterCommit(tx, CAMPAIGN_DISPATCHER, () => suite.wake(CAMPAIGN_DISPATCHER));
  return moved;
}
