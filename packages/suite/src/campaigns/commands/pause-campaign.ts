import type { Db } from "@openwaba/store";
import type { Suite } from "../../suite";
import { SENDING } from "../campaign-state";
import { moveCampaign } from "./move-campaign";

export interface PauseCampaignProps {
  campaignId: string;
  /** Why, as the console shows it: the person who paused it, or what only a person can fix. */
  reason: string;
}

/** A campaign being sent stops sending until resumed; false when it is not being sent (any more). */
export function pauseCampaign(suite: Suite, tx: Db, p: PauseCampaignProps): Promise<boolean> {
  return moveCampaign(suite, tx, {
    campaignId: p.campaignId,
    from: SENDING,
    to: "paused",
    set: { pause_reason: p.reason },
  });
}
