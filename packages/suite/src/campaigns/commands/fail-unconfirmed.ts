import type { Db } from "@openwaba/store";
import type { Suite } from "../../suite";

export interface FailUnconfirmedProps {
  campaignId: string;
  /** Unconfirmed since before then: no status came within the grace period. */
  before: number;
}

const OUTCOME_UNKNOWN = JSON.stringify({
  code: "unconfirmed",
  title: "Outcome unknown",
  details:
    "The send's answer was lost (a restart or a timeout) and no status followed; " +
    "it was not sent again, so that nobody gets it twice.",
});

/** Sends whose answer was lost and whose status never came count as failed (never sent again). */
export async function failUnconfirmed(suite: Suite, tx: Db, p: FailUnconfirmedProps): Promise<void> {
  await tx
    .updateTable("suite_campaign_recipients")
    .set({ state: "failed", error: OUTCOME_UNKNOWN, updated_at: suite.clock.now() })
    .where("campaign_id", "=", p.campaignId)
    .where("state", "=", "unconfirmed")
    .where("updated_at", "<", p.before)
    .execute();
}
