import { SuiteError } from "../../errors";
import type { Suite } from "../../suite";
import { suiteTransaction } from "../../unit-of-work";
import { CAMPAIGN_DISPATCHER } from "../campaign-dispatcher";
import { checkDefinition } from "../campaign-definition";
import type { CampaignRow } from "../campaign-rows";
import { isDraft, readyState } from "../campaign-state";
import { materialiseRecipients } from "../materialise";
import { cancelUnsent } from "./cancel-unsent";
import { moveCampaign } from "./move-campaign";

export interface SendCampaignProps {
  /** The draft as it was read (the tenant's own). */
  campaign: CampaignRow;
}

/**
 * Sends a draft: its template is checked again, then it is preparing while its audience is fixed
 * into recipients (a transaction a page, so not in the caller's), then scheduled, running or —
 * with nobody to send to — completed, and the dispatcher is woken. A preparation that fails leaves
 * a draft again, without recipients; one cancelled meanwhile leaves what it wrote unsent.
 */
export async function sendCampaign(suite: Suite, p: SendCampaignProps): Promise<void> {
  const c = p.campaign;
  if (!isDraft(c.state)) throw new SuiteError(409, "invalid_transition", `A ${c.state} campaign cannot be sent again.`);
  const { spec, template } = await checkDefinition(suite, c.tenant_id, JSON.parse(c.spec));
  const db = suite.db;
  const campaignId = c.id;
  if (
    !(await moveCampaign(suite, db, {
      campaignId,
      from: ["draft"],
      to: "preparing",
      set: { category: template.category },
    }))
  )
    throw new SuiteError(409, "invalid_transition", "The campaign is being sent already.");
  try {
    const totals = await materialiseRecipients(suite, c, spec, template.category);
    const first = await db
      .selectFrom("suite_campaign_recipients")
      .select((e) => e.fn.min<number>("due_at").as("t"))
      .where("campaign_id", "=", campaignId)
      .executeTakeFirst();
    const now = suite.clock.now();
    const state = readyState(totals.recipients, first?.t == null ? null : Number(first.t), now);
    const moved = await moveCampaign(suite, db, {
      campaignId,
      from: ["preparing"],
      to: state,
      set: {
        totals: JSON.stringify(totals),
        ...(state === "running" ? { started_at: now } : {}),
        ...(state === "completed" ? { completed_at: now } : {}),
      },
      now,
    });
    // Cancelled while its audience was being fixed: what was written meanwhile goes nowhere.
    if (!moved) await cancelUnsent(suite, db, { campaignId });
  } catch (err) {
    await suiteTransaction(suite, async (tx) => {
      await tx.deleteFrom("suite_campaign_recipients").where("campaign_id", "=", campaignId).execute();
      await moveCampaign(suite, tx, { campaignId, from: ["preparing"], to: "draft" });
    });
    throw err;
  }
  suite.wake(CAMPAIGN_DISPATCHER);
}
