import type { Db } from "@openwaba/store";
import type { Suite } from "../../suite";
import { lastCampaignMessage } from "../last-campaign-message";

export interface NoteCampaignOptOutProps {
  tenantId: string;
  /** The customer who said STOP. */
  waId: string;
}

/** A STOP after a campaign message (within a week) is counted against that campaign, once. */
export async function noteCampaignOptOut(suite: Suite, tx: Db, p: NoteCampaignOptOutProps): Promise<void> {
  const now = suite.clock.now();
  const r = await lastCampaignMessage(tx, p.tenantId, p.waId, now);
  if (r)
    await tx
      .updateTable("suite_campaign_recipients")
      .set({ opted_out_at: now, updated_at: now })
      .where("campaign_id", "=", r.campaign_id)
      .where("seq", "=", r.seq)
      .where("opted_out_at", "is", null)
      .execute();
}
