import type { Selectable } from "kysely";
import type { Db, SuiteCampaignsTable } from "@openwaba/store";
import { iso } from "../inbox/present";
import { type CampaignState, SENDING } from "./campaign-state";
import { RECIPIENT_STATES } from "./recipient-state";

// A campaign as the API shows it: its definition, where it is, and how it is going — recipients
// by state, delivered / read / replied / failed rates, opt-outs, cost, the pace of the last ten
// seconds and when it should end.

type Campaign = Selectable<SuiteCampaignsTable>;
const rate = (n: number, of: number) => (of > 0 ? Math.round((n / of) * 1000) / 1000 : null);

export async function campaignProgress(db: Db, c: Campaign, now: number, currency: string) {
  const byState = Object.fromEntries(RECIPIENT_STATES.map((s) => [s, 0])) as Record<
    (typeof RECIPIENT_STATES)[number],
    number
  >;
  for (const r of await db
    .selectFrom("suite_campaign_recipients")
    .select(["state"])
    .select((e) => e.fn.countAll<number>().as("n"))
    .where("campaign_id", "=", c.id)
    .groupBy("state")
    .execute()) {
    byState[r.state as keyof typeof byState] = Number(r.n);
  }
  const extra = await db
    .selectFrom("suite_campaign_recipients")
    .select((e) => [
      e.fn.count<number>("replied_at").as("replied"),
      e.fn.count<number>("opted_out_at").as("opted_out"),
      e.fn.sum<number>("cost_micros").as("cost"),
    ])
    .where("campaign_id", "=", c.id)
    .executeTakeFirstOrThrow();
  const recent = await db
    .selectFrom("suite_campaign_recipients")
    .select((e) => e.fn.countAll<number>().as("n"))
    .where("campaign_id", "=", c.id)
    .where("sent_at", ">=", now - 10_000)
    .executeTakeFirstOrThrow();
  const total = RECIPIENT_STATES.reduce((n, s) => n + byState[s], 0);
  const sent = byState.accepted + byState.sent + byState.delivered + byState.read;
  const delivered = byState.delivered + byState.read;
  const reached = sent + byState.failed;
  const waiting = byState.pending + byState.sending + byState.unconfirmed;
  const mps = Number(recent.n) / 10;
  return {
    recipients: total,
    by_state: byState,
    sent,
    delivered,
    read: byState.read,
    failed: byState.failed,
    replied: Number(extra.replied),
    opted_out: Number(extra.opted_out),
    waiting,
    rates: {
      delivered: rate(delivered, reached),
      read: rate(byState.read, delivered),
      replied: rate(Number(extra.replied), delivered),
      failed: rate(byState.failed, reached),
      opted_out: rate(Number(extra.opted_out), delivered),
    },
    cost: { currency, total: Math.round(Number(extra.cost ?? 0)) / 1e6 },
    pace: {
      mps_last_10s: mps,
      eta:
        waiting && mps > 0 && SENDING.includes(c.state as CampaignState)
          ? iso(now + Math.ceil((waiting / mps) * 1000))
          : null,
    },
    // Only a campaign still sending is held; a paused one says why in its `note`.
    held:
      c.hold_until !== null && c.hold_until > now && SENDING.includes(c.state as CampaignState)
        ? { until: iso(c.hold_until), reason: c.hold_reason }
        : null,
  };
}

export function presentCampaign(c: Campaign) {
  return {
    id: c.id,
    name: c.name,
    phone_number_id: c.phone_number_id,
    state: c.state,
    category: c.category,
    spec: JSON.parse(c.spec),
    totals: c.totals ? JSON.parse(c.totals) : null,
    note: c.state === "paused" ? c.pause_reason : null,
    created_at: iso(c.created_at),
    updated_at: iso(c.updated_at),
    started_at: iso(c.started_at),
    completed_at: iso(c.completed_at),
  };
}
