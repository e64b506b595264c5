import type { Db } from "@openwaba/store";
import type { Suite } from "../../suite";
import { moveCampaign } from "./move-campaign";

export interface BackToDraftProps {
  campaignId: string;
}

/** A send whose preparation died with its node is a draft again, without the recipients it had fixed. */
export async function backToDraft(suite: Suite, tx: Db, p: BackToDraftProps): Promise<void> {
  if (await moveCampaign(suite, tx, { campaignId: p.campaignId, from: ["preparing"], to: "draft" }))
    await tx.deleteFrom("suite_campaign_recipients").where("campaign_id", "=", p.campaignId).execute();
}
