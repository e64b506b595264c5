import type { Db } from "@openwaba/store";
import type { Suite } from "../../suite";
import { SENDING } from "../campaign-state";

// One node paces a campaign at a time: it holds the campaign's lease while it sends, renews it
// as it goes, and lets it go when it stops. A dead node's lease runs out and another takes it.

export interface LeaseProps {
  campaignId: string;
  /** The node (dispatcher) holding it. */
  owner: string;
  /** Until when. */
  until: number;
}

/** Takes the lease of a campaign being sent, if it is free, ran out (before `now`) or is the owner's already. */
export async function takeLease(_suite: Suite, tx: Db, p: LeaseProps & { now: number }): Promise<boolean> {
  const r = await tx
    .updateTable("suite_campaigns")
    .set({ lease_owner: p.owner, lease_until: p.until })
    .where("id", "=", p.campaignId)
    .where("state", "in", SENDING)
    .where((e) => e.or([e("lease_owner", "is", null), e("lease_owner", "=", p.owner), e("lease_until", "<", p.now)]))
    .executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

/** Keeps the owner's lease while the campaign is being sent; false: stop (paused, cancelled, done, or taken over). */
export async function renewLease(_suite: Suite, tx: Db, p: LeaseProps): Promise<boolean> {
  const r = await tx
    .updateTable("suite_campaigns")
    .set({ lease_until: p.until })
    .where("id", "=", p.campaignId)
    .where("lease_owner", "=", p.owner)
    .where("state", "in", SENDING)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

/** The owner stops sending the campaign: another node may take it at once. */
export async function releaseLease(_suite: Suite, tx: Db, p: Omit<LeaseProps, "until">): Promise<void> {
  await tx
    .updateTable("suite_campaigns")
    .set({ lease_owner: null, lease_until: null })
    .where("id", "=", p.campaignId)
    .where("lease_owner", "=", p.owner)
    .execute();
}

/** Every lease is free (a SQLite file has one process: whoever held them was killed). */
export async function releaseEveryLease(_suite: Suite, tx: Db): Promise<void> {
  await tx
    .updateTable("suite_campaigns")
    .set({ lease_owner: null, lease_until: null })
    .where("lease_owner", "is not", null)
    .execute();
}
