import { sql } from "kysely";
import { priceMessage } from "@openwaba/contracts";
import type { Db } from "@openwaba/store";
import type { Suite } from "../../suite";
import { type SentAttempt, sentAttemptOf } from "../callback-data";
import { limitUse } from "../campaign-setup";
import { DAY_MS } from "../capacity";
import { beforeFailed, isRecipientState, statesBefore } from "../recipient-state";
import { holdCampaign } from "./hold-campaign";

export interface CampaignStatus {
  id: string;
  status: string;
  errors?: { code: number; title?: string; message?: string; error_data?: { details?: string } }[];
  pricing?: { billable?: boolean; category?: string; type?: string };
}

export interface ApplyRecipientStatusProps {
  tenantId: string;
  /** The status's callback data: the campaign, recipient and attempt its send carried. */
  callback: string | undefined;
  status: CampaignStatus;
}

/** A failure that was only a lost answer (a crash): its late status puts it right. */
const LOST_ANSWER = '%"code":"unconfirmed"%';
/** Over today's messaging limit, or a passing limit: the message was not sent, so it goes again. */
const NOT_SENT = new Set([139901, 130429, 131049]);

/**
 * Applies a status whose callback data names a campaign recipient (in the intake's transaction):
 * the tick moves the recipient forward only, and a delivered message's cost is noted once. False
 * when it names none, else whether the recipient has replied (the message is on a timeline too).
 */
export async function applyRecipientStatus(
  suite: Suite,
  tx: Db,
  p: ApplyRecipientStatusProps,
): Promise<false | { replied: boolean }> {
  const a = sentAttemptOf(p.callback);
  if (!a) return false;
  const s = p.status;
  const now = suite.clock.now();
  if (s.status === "failed") return { replied: await applyFailure(suite, tx, p.tenantId, a, s, now) };
  if (!isRecipientState(s.status)) return { replied: false };
  const recipient = tx
    .updateTable("suite_campaign_recipients")
    .where("campaign_id", "=", a.campaignId)
    .where("seq", "=", a.seq)
    .where("tenant_id", "=", p.tenantId)
    .where("attempts", "=", a.attempt);
  // Forward only, in one statement: from any earlier state — or from a failure that was only a lost answer.
  const r = await recipient
    .set({
      state: s.status,
      updated_at: now,
      error: sql<string | null>`case when state = 'failed' then null else error end`,
      ...(s.status === "delivered" ? { delivered_at: now } : {}),
      ...(s.status === "read" ? { read_at: now } : {}),
    })
    .where((e) =>
      e.or([
        e("state", "in", statesBefore(s.status as never)),
        e.and([e("state", "=", "failed"), e("error", "like", LOST_ANSWER)]),
      ]),
    )
    .returning(["wa_id", "cost_micros", "replied_at"])
    .executeTakeFirst();
  if (!r) return { replied: false };
  const billable =
    s.status !== "sent" &&
    s.pricing?.billable !== false &&
    s.pricing?.type !== "free_customer_service" &&
    s.pricing?.type !== "free_entry_point" &&
    !!s.pricing?.category;
  if (billable && suite.rateCard && r.cost_micros === null)
    await recipient
      .set({ cost_micros: priceMessage(suite.rateCard, r.wa_id, s.pricing!.category!).amountMicros })
      .execute();
  return { replied: r.replied_at !== null };
}

/** A failed send: over a limit, it waits and goes again (it was not sent); otherwise it failed for good. */
async function applyFailure(
  suite: Suite,
  tx: Db,
  tenantId: string,
  a: SentAttempt,
  s: CampaignStatus,
  now: number,
): Promise<boolean> {
  const r = await tx
    .selectFrom("suite_campaign_recipients")
    .select(["state", "replied_at", "attempts"])
    .where("campaign_id", "=", a.campaignId)
    .where("seq", "=", a.seq)
    .where("tenant_id", "=", tenantId)
    .executeTakeFirst();
  if (!r) return false;
  // Only about the attempt the recipient is at now: an earlier attempt's failure, delivered again
  // (webhooks come at least once), must not undo a later send — nor send it again.
  if (r.attempts !== a.attempt || r.state === "pending") return r.replied_at !== null;
  const attempt = tx
    .updateTable("suite_campaign_recipients")
    .where("campaign_id", "=", a.campaignId)
    .where("seq", "=", a.seq)
    .where("attempts", "=", a.attempt);
  const e = s.errors?.[0];
  const code = Number(e?.code);
  if (NOT_SENT.has(code)) {
    const later = code === 131049 ? now + DAY_MS : now;
    const cancelled =
      (await tx.selectFrom("suite_campaigns").select("state").where("id", "=", a.campaignId).executeTakeFirst())
        ?.state === "cancelled";
    await attempt
      .set({
        state: cancelled ? "cancelled" : "pending",
        due_at: later,
        message_id: null,
        sent_at: null,
        error: JSON.stringify({ retry: e?.title ?? String(code) }),
        updated_at: now,
      })
      .execute();
    if (code === 139901) {
      const frees = (await limitUse(tx, tenantId, now)).frees_at;
      await holdCampaign(suite, tx, {
        campaignId: a.campaignId,
        until: Math.max(frees ?? 0, now + 15 * 60_000),
        reason: "the messaging limit is reached (other sends count too): waiting for room",
      });
    }
    return r.replied_at !== null;
  }
  if (isRecipientState(r.state) && beforeFailed(r.state))
    await attempt
      .set({
        state: "failed",
        error: JSON.stringify({ code, title: e?.title ?? null, details: e?.error_data?.details ?? e?.message ?? null }),
        updated_at: now,
      })
      .execute();
  return r.replied_at !== null;
}
