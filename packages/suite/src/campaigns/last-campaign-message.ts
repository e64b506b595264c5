import type { Db } from "@openwaba/store";
import { DAY_MS } from "./capacity";

/** How long after a campaign message a reply or a STOP is put down to it. */
export const ATTRIBUTION_MS = 7 * DAY_MS;

/** The campaign message (from `phoneNumberId`, if given) a customer's message answers (within a week), if any. */
export async function lastCampaignMessage(tx: Db, tenantId: string, waId: string, now: number, phoneNumberId?: string) {
  return tx
    .selectFrom("suite_campaign_recipients")
    .innerJoin("suite_campaigns", "suite_campaigns.id", "suite_campaign_recipients.campaign_id")
    .select([
      "suite_campaign_recipients.campaign_id",
      "suite_campaign_recipients.seq",
      "suite_campaign_recipients.message_id",
      "suite_campaign_recipients.state",
      "suite_campaign_recipients.replied_at",
      "suite_campaign_recipients.sent_at",
      "suite_campaign_recipients.components",
      "suite_campaigns.name",
      "suite_campaigns.spec",
    ])
    .where("suite_campaign_recipients.tenant_id", "=", tenantId)
    .where("suite_campaign_recipients.wa_id", "=", waId)
    .where("suite_campaign_recipients.sent_at", ">=", now - ATTRIBUTION_MS)
    .$if(!!phoneNumberId, (q) => q.where("suite_campaigns.phone_number_id", "=", phoneNumberId!))
    .orderBy("suite_campaign_recipients.sent_at", "desc")
    .limit(1)
    .executeTakeFirst();
}
