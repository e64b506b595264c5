import type { Db } from "@openwaba/store";
import { SuiteError } from "../../errors";
import type { Suite } from "../../suite";
import { UNFINISHED } from "../campaign-state";
import { cancelUnsent } from "./cancel-unsent";
import { moveCampaign } from "./move-campaign";

export interface CancelCampaignProps {
  /** The campaign as it was read (its state names it in the refusal). */
  campaign: { id: string; state: string };
}

/** A campaign not finished yet is cancelled for good, and its unsent recipients with it; a finished one: 409. */
export async function cancelCampaign(suite: Suite, tx: Db, p: CancelCampaignProps): Promise<void> {
  const now = suite.clock.now();
  const moved = await moveCampaign(suite, tx, {
    campaignId: p.campaign.id,
    from: UNFINISHED,
    to: "cancelled",
    set: { completed_at: now },
    now,
  });
  if (!moved) throw new SuiteError(409, "invalid_transition", `A ${p.campaign.state} campaign cannot be cancelled.`);
  await cancelUnsent(suite, tx, { campaignId: p.campaign.id });
}
