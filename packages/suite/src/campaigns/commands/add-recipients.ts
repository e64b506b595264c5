import type { Insertable } from "kysely";
import type { Db, SuiteCampaignRecipientsTable } from "@openwaba/store";
import type { Suite } from "../../suite";

export interface AddRecipientsProps {
  /** A page of the audience, fixed: each number once (a unique index keeps it so), pending, due at its time. */
  recipients: readonly Insertable<SuiteCampaignRecipientsTable>[];
}

/** Writes a page of a campaign's recipients, 200 rows a statement; a number already there stays as it is. */
export async function addRecipients(_suite: Suite, tx: Db, p: AddRecipientsProps): Promise<void> {
  for (let i = 0; i < p.recipients.length; i += 200)
    await tx
      .insertInto("suite_campaign_recipients")
      .values(p.recipients.slice(i, i + 200))
      .onConflict((x) => x.doNothing())
      .execute();
}
