import type { Db } from "@openwaba/store";
import { SuiteError } from "../../errors";
import type { Suite } from "../../suite";
import { mayDelete } from "../campaign-state";

export interface DeleteCampaignProps {
  /** The campaign as it was read. */
  campaign: { id: string; state: string };
}

/** A draft, or a finished campaign, goes with its recipients; one still to be sent must be cancelled first: 409. */
export async function deleteCampaign(_suite: Suite, tx: Db, p: DeleteCampaignProps): Promise<void> {
  if (!mayDelete(p.campaign.state))
    throw new SuiteError(409, "invalid_transition", "Cancel the campaign before deleting it.");
  await tx.deleteFrom("suite_campaign_recipients").where("campaign_id", "=", p.campaign.id).execute();
  await tx.deleteFrom("suite_campaigns").where("id", "=", p.campaign.id).execute();
}
