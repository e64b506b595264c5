import type { Db } from "@openwaba/store";
import type { Suite } from "../../suite";
import { moveCampaign } from "./move-campaign";

export interface StartCampaignProps {
  campaignId: string;
  /** When its first recipient was claimed. */
  now: number;
}

/** A scheduled campaign's first recipient is due: it is running from now. */
export async function startCampaign(suite: Suite, tx: Db, p: StartCampaignProps): Promise<void> {
  await moveCampaign(suite, tx, {
    campaignId: p.campaignId,
    from: ["scheduled"],
    to: "running",
    set: { started_at: p.now },
    now: p.now,
  });
}
