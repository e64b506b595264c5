import { sql } from "kysely";
import { priceMessage } from "@openwaba/contracts";
import type { Db } from "@openwaba/store";
import { recordEvent } from "../inbox/conversation-events";
import type { Suite } from "../suite";
import { DAY_MS } from "./capacity";
import { limitUse } from "./campaign-setup";
import { CALLBACK_PREFIX } from "./campaign-pump";

// What the Cloud API's webhooks tell a campaign (in the intake's transaction): each recipient's
// ticks (found by the callback data the send carried, so a status may even come before the send's
// answer was recorded), what a delivered message cost, who replied and who said STOP afterwards.

const RANK: Record<string, number> = {
  pending: 0,
  sending: 1,
  unconfirmed: 1,
  accepted: 2,
  sent: 3,
  delivered: 4,
  read: 5,
  failed: 6,
  cancelled: 6,
};
/** A failure that was only a lost answer (a crash): its late status puts it right. */
const LOST_ANSWER = '%"code":"unconfirmed"%';
/** How long after a campaign message a reply or a STOP is put down to it. */
export const ATTRIBUTION_MS = 7 * DAY_MS;

export interface CampaignStatus {
  id: string;
  status: string;
  errors?: { code: number; title?: string; message?: string; error_data?: { details?: string } }[];
  pricing?: { billable?: boolean; category?: string; type?: string };
}

/**
 * Applies a status whose callback data names a campaign recipient: false when it names none, else
 * whether the recipient has replied (then the message is on a conversation's timeline too).
 */
export async function applyCampaignStatus(
  suite: Suite,
  tx: Db,
  tenantId: string,
  callback: string | undefined,
  s: CampaignStatus,
): Promise<false | { replied: boolean }> {
  // owc:<campaign>:<recipient>:<attempt> — a status speaks only of the attempt that sent it.
  const m = callback?.startsWith(CALLBACK_PREFIX) ? /^owc:([^:]+):(\d+):(\d+)$/.exec(callback) : null;
  if (!m) return false;
  const [campaignId, seq, attempt] = [m[1], Number(m[2]), Number(m[3])];
  const now = suite.clock.now();
  const recipient = (q: any) =>
    q
      .where("campaign_id", "=", campaignId)
      .where("seq", "=", seq)
      .where("tenant_id", "=", tenantId)
      .where("attempts", "=", attempt);
  if (s.status === "failed")
    return { replied: await applyFailure(suite, tx, tenantId, campaignId, seq, attempt, s, now) };
  if (!(s.status in RANK)) return { replied: false };
  // Forward only, in one statement: from any earlier state — or from a failure that was only a lost answer.
  const earlier = Object.keys(RANK).filter((k) => RANK[k] < RANK[s.status]);
  const r = (await recipient(
    tx.updateTable("suite_campaign_recipients").set({
      state: s.status,
      updated_at: now,
      error: sql<string | null>`case when state = 'failed' then null else error end`,
      ...(s.status === "delivered" ? { delivered_at: now } : {}),
      ...(s.status === "read" ? { read_at: now } : {}),
    }),
  )
    .where((e: any) =>
      e.or([e("state", "in", earlier), e.and([e("state", "=", "failed"), e("error", "like", LOST_ANSWER)])]),
    )
    .returning(["wa_id", "cost_micros", "replied_at"])
    .executeTakeFirst()) as { wa_id: string; cost_micros: number | null; replied_at: number | null } | undefined;
  if (!r) return { replied: false };
  const billable =
    s.status !== "sent" &&
    s.pricing?.billable !== false &&
    s.pricing?.type !== "free_customer_service" &&
    s.pricing?.type !== "free_entry_point" &&
    !!s.pricing?.category;
  if (billable && suite.rateCard && r.cost_micros === null) {
    await recipient(
      tx
        .updateTable("suite_campaign_recipients")
        .set({ cost_micros: priceMessage(suite.rateCard, r.wa_id, s.pricing!.category!).amountMicros }),
    ).execute();
  }
  return { replied: r.replied_at !== null };
}

/** A failed send: over a limit, it waits and goes again (it was not sent); otherwise it failed for good. */
async function applyFailure(
  suite: Suite,
  tx: Db,
  tenantId: string,
  campaignId: string,
  seq: number,
  attempt: number,
  s: CampaignStatus,
  now: number,
): Promise<boolean> {
  const r = await tx
    .selectFrom("suite_campaign_recipients")
    .select(["state", "replied_at", "attempts"])
    .where("campaign_id", "=", campaignId)
    .where("seq", "=", seq)
    .where("tenant_id", "=", tenantId)
    .executeTakeFirst();
  if (!r) return false;
  // Only about the attempt the recipient is at now: an earlier attempt's failure, delivered again
  // (webhooks come at least once), must not undo a later send — nor send it again.
  if (r.attempts !== attempt || r.state === "pending") return r.replied_at !== null;
  const where = (q: any) =>
    q.where("campaign_id", "=", campaignId).where("seq", "=", seq).where("attempts", "=", attempt);
  const e = s.errors?.[0];
  const code = Number(e?.code);
  // Over today's messaging limit, or a passing limit: not sent, so it waits and goes again.
  if (code === 139901 || code === 130429 || code === 131049) {
    const later = code === 131049 ? now + DAY_MS : now;
    const cancelled =
      (await tx.selectFrom("suite_campaigns").select("state").where("id", "=", campaignId).executeTakeFirst())
        ?.state === "cancelled";
    await where(
      tx.updateTable("suite_campaign_recipients").set({
        state: cancelled ? "cancelled" : "pending",
        due_at: later,
        message_id: null,
        sent_at: null,
        error: JSON.stringify({ retry: e?.title ?? String(code) }),
        updated_at: now,
      }),
    ).execute();
    if (code === 139901) {
      const frees = (await limitUse(tx, tenantId, now)).frees_at;
      await tx
        .updateTable("suite_campaigns")
        .set({
          hold_until: Math.max(frees ?? 0, now + 15 * 60_000),
          hold_reason: "the messaging limit is reached (other sends count too): waiting for room",
          updated_at: now,
        })
        .where("id", "=", campaignId)
        .execute();
    }
    return r.replied_at !== null;
  }
  if (RANK[r.state] < RANK.failed) {
    await where(
      tx.updateTable("suite_campaign_recipients").set({
        state: "failed",
        error: JSON.stringify({
          code,
          title: e?.title ?? null,
          details: e?.error_data?.details ?? e?.message ?? null,
        }),
        updated_at: now,
      }),
    ).execute();
  }
  return r.replied_at !== null;
}

/** The campaign message (from `phoneNumberId`, if given) a customer's message answers (within a week), if any. */
async function lastCampaignMessage(tx: Db, tenantId: string, waId: string, now: number, phoneNumberId?: string) {
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

/**
 * A customer's first reply after a campaign message: the recipient counts as replied, and the
 * conversation shows the campaign message it answers (agents see what the customer responds to).
 */
export async function noteCampaignReply(
  suite: Suite,
  tx: Db,
  tenantId: string,
  waId: string,
  conversation: { id: string; phone_number_id: string },
): Promise<void> {
  const now = suite.clock.now();
  const conversationId = conversation.id;
  const r = await lastCampaignMessage(tx, tenantId, waId, now, conversation.phone_number_id);
  if (!r || r.replied_at !== null || !r.message_id) return;
  await tx
    .updateTable("suite_campaign_recipients")
    .set({ replied_at: now, updated_at: now })
    .where("campaign_id", "=", r.campaign_id)
    .where("seq", "=", r.seq)
    .execute();
  const spec = JSON.parse(r.spec) as { template: { name: string; language: string } };
  await tx
    .insertInto("suite_messages")
    .values({
      id: r.message_id,
      conversation_id: conversationId,
      direction: "out",
      type: "template",
      content: JSON.stringify({
        name: spec.template.name,
        language: { code: spec.template.language },
        ...(r.components ? { components: JSON.parse(r.components) } : {}),
        campaign: { id: r.campaign_id, name: r.name },
      }),
      status: ["sent", "delivered", "read", "failed"].includes(r.state) ? r.state : "accepted",
      error: null,
      author_id: null,
      context_id: null,
      at: r.sent_at ?? now,
      updated_at: now,
    })
    .onConflict((x) => x.column("id").doNothing())
    .execute();
  await recordEvent(suite, tx, conversationId, "campaign_reply", null, {
    campaign_id: r.campaign_id,
    campaign: r.name,
  });
}

/** A STOP after a campaign message is counted against that campaign. */
export async function noteCampaignOptOut(suite: Suite, tx: Db, tenantId: string, waId: string): Promise<void> {
  const now = suite.clock.now();
  const r = await lastCampaignMessage(tx, tenantId, waId, now);
  if (r)
    await tx
      .updateTable("suite_campaign_recipients")
      .set({ opted_out_at: now, updated_at: now })
      .where("campaign_id", "=", r.campaign_id)
      .where("seq", "=", r.seq)
      .where("opted_out_at", "is", null)
      .execute();
}
