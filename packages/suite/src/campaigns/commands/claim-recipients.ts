import type { Db } from "@openwaba/store";
import type { Suite } from "../../suite";
import type { RecipientRow } from "../campaign-rows";

export interface ClaimRecipientsProps {
  campaignId: string;
  /** At most this many. */
  limit: number;
  /** Due by then. */
  now: number;
}

/**
 * The campaign's due recipients, earliest first, moved from pending to sending with their attempt
 * counted, conditionally: of two claimers, one gets each recipient (nobody is sent twice).
 */
export async function claimRecipients(_suite: Suite, tx: Db, p: ClaimRecipientsProps): Promise<RecipientRow[]> {
  const due = await tx
    .selectFrom("suite_campaign_recipients")
    .select("seq")
    .where("campaign_id", "=", p.campaignId)
    .where("state", "=", "pending")
    .where("due_at", "<=", p.now)
    .orderBy("due_at")
    .orderBy("seq")
    .limit(p.limit)
    .execute();
  if (!due.length) return [];
  return tx
    .updateTable("suite_campaign_recipients")
    .set((e) => ({ state: "sending", attempts: e("attempts", "+", 1), updated_at: p.now }))
    .where("campaign_id", "=", p.campaignId)
    .where(
      "seq",
      "in",
      due.map((d) => d.seq),
    )
    .where("state", "=", "pending")
    .returningAll()
    .execute();
}
