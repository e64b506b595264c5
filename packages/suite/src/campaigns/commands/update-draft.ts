import type { Db } from "@openwaba/store";
import { SuiteError } from "../../errors";
import type { Suite } from "../../suite";
import type { CampaignSpec } from "@openwaba/contracts/suite";

export interface UpdateDraftProps {
  campaignId: string;
  /** The checked definition that replaces the draft's. */
  spec: CampaignSpec;
  /** The tenant's number it is sent from. */
  phoneNumberId: string;
  /** The template's category as the Cloud API has it. */
  category: string;
}

/** A draft gets a new definition; once sent (even meanwhile), a campaign is not edited: 409. */
export async function updateDraft(suite: Suite, tx: Db, p: UpdateDraftProps): Promise<void> {
  const r = await tx
    .updateTable("suite_campaigns")
    .set({
      name: p.spec.name,
      phone_number_id: p.phoneNumberId,
      spec: JSON.stringify(p.spec),
      category: p.category,
      updated_at: suite.clock.now(),
    })
    .where("id", "=", p.campaignId)
    .where("state", "=", "draft")
    .executeTakeFirst();
  if (!Number(r.numUpdatedRows)) throw new SuiteError(409, "invalid_transition", "Only a draft can be edited.");
}
