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

const RANK: Record<string, number> = { pending: 0, sending: 1, unconfirmed: 1, accepted: 2, sent: 3, delivered: 4, read: 5, failed: 6, cancelled: 6 };
/** How long after a campaign message a reply or a STOP is put down to it. */
export const ATTRIBUTION_MS = 7 * DAY_MS;

export interface CampaignStatus { status: string; errors?: { code: number; title?: string; message?: string; error_data?: { details?: string } }[]; pricing?: { billable?: boolean; category?: string; type?: string } }

/** Applies a status whose callback data names a campaign recipient; false when it names none. */
export async function applyCampaignStatus(suite: Suite, tx: Db, tenantId: string, callback: string | undefined, s: CampaignStatus): Promise<boolean> {
  const m = callback?.startsWith(CALLBACK_PREFIX) ? /^owc:([^:]+):(\d+)$/.exec(callback) : null;
  if (!m) return false;
  const [campaignId, seq] = [m[1], Number(m[2])];
  const r = await tx.selectFrom("suite_campaign_recipients").select(["state", "wa_id", "cost_micros", "error"]).where("campaign_id", "=", campaignId).where("seq", "=", seq).where("tenant_id", "=", tenantId).executeTakeFirst();
  if (!r) return true;
  const now = suite.clock.now();
  const where = (q: any) => q.where("campaign_id", "=", campaignId).where("seq", "=", seq);
  if (s.status === "failed") {
    const e = s.errors?.[0];
    const code = Number(e?.code);
    // Over today's messaging limit, or a passing limit: not sent, so it waits and goes again.
    if (code === 139901 || code === 130429 || code === 131049) {
      const later = code === 131049 ? now + DAY_MS : now;
      await where(tx.updateTable("suite_campaign_recipients").set({ state: "pending", due_at: later, message_id: null, sent_at: null, error: JSON.stringify({ retry: e?.title ?? String(code) }), updated_at: now })).execute();
      if (code === 139901) {
        const frees = (await limitUse(tx, tenantId, now)).frees_at;
        await tx.updateTable("suite_campaigns").set({ hold_until: Math.max(frees ?? 0, now + 15 * 60_000), hold_reason: "the messaging limit is reached (other sends count too): waiting for room", updated_at: now }).where("id", "=", campaignId).execute();
      }
      return true;
    }
    if (RANK[r.state] >= RANK.failed) return true;
    await where(tx.updateTable("suite_campaign_recipients").set({ state: "failed", error: JSON.stringify({ code, title: e?.title ?? null, details: e?.error_data?.details ?? e?.message ?? null }), updated_at: now })).execute();
    return true;
  }
  // A send counted as failed only because its answer was lost is put right by its late status.
  const lostAnswer = r.state === "failed" && (JSON.parse(r.error ?? "{}") as { code?: unknown }).code === "unconfirmed";
  if (!(s.status in RANK) || (!lostAnswer && (RANK[s.status] <= RANK[r.state] || r.state === "failed" || r.state === "cancelled"))) return true;
  const cost = s.status !== "sent" && s.pricing?.billable !== false && s.pricing?.type !== "free_customer_service" && s.pricing?.type !== "free_entry_point" && s.pricing?.category && suite.rateCard && r.cost_micros === null
    ? priceMessage(suite.rateCard, r.wa_id, s.pricing.category).amountMicros : undefined;
  await where(tx.updateTable("suite_campaign_recipients").set({
    state: s.status, updated_at: now, ...(lostAnswer ? { error: null } : {}),
    ...(s.status === "delivered" ? { delivered_at: now } : {}), ...(s.status === "read" ? { read_at: now } : {}),
    ...(cost !== undefined ? { cost_micros: cost } : {}),
  })).execute();
  return true;
}

/** The campaign message a customer's message answers (within a week), if any. */
async function lastCampaignMessage(tx: Db, tenantId: string, waId: string, now: number) {
  return tx.selectFrom("suite_campaign_recipients").innerJoin("suite_campaigns", "suite_campaigns.id", "suite_campaign_recipients.campaign_id")
    .select(["suite_campaign_recipients.campaign_id", "suite_campaign_recipients.seq", "suite_campaign_recipients.message_id", "suite_campaign_recipients.state", "suite_campaign_recipients.replied_at", "suite_campaign_recipients.sent_at", "suite_campaign_recipients.components", "suite_campaigns.name", "suite_campaigns.spec"])
    .where("suite_campaign_recipients.tenant_id", "=", tenantId).where("suite_campaign_recipients.wa_id", "=", waId)
    .where("suite_campaign_recipients.sent_at", ">=", now - ATTRIBUTION_MS).orderBy("suite_campaign_recipients.sent_at", "desc").limit(1).executeTakeFirst();
}

/**
 * A customer's first reply after a campaign message: the recipient counts as replied, and the
 * conversation shows the campaign message it answers (agents see what the customer responds to).
 */
export async function noteCampaignReply(suite: Suite, tx: Db, tenantId: string, waId: string, conversationId: string): Promise<void> {
  const now = suite.clock.now();
  const r = await lastCampaignMessage(tx, tenantId, waId, now);
  if (!r || r.replied_at !== null || !r.message_id) return;
  await tx.updateTable("suite_campaign_recipients").set({ replied_at: now, updated_at: now }).where("campaign_id", "=", r.campaign_id).where("seq", "=", r.seq).execute();
  const spec = JSON.parse(r.spec) as { template: { name: string; language: string } };
  await tx.insertInto("suite_messages").values({
    id: r.message_id, conversation_id: conversationId, direction: "out", type: "template",
    content: JSON.stringify({ name: spec.template.name, language: { code: spec.template.language }, ...(r.components ? { components: JSON.parse(r.components) } : {}), campaign: { id: r.campaign_id, name: r.name } }),
    status: ["sent", "delivered", "read", "failed"].includes(r.state) ? r.state : "accepted", error: null, author_id: null, context_id: null, at: r.sent_at ?? now, updated_at: now,
  }).onConflict((x) => x.column("id").doNothing()).execute();
  await recordEvent(suite, tx, conversationId, "campaign_reply", null, { campaign_id: r.campaign_id, campaign: r.name });
}

/** A STOP after a campaign message is counted against that campaign. */
export async function noteCampaignOptOut(suite: Suite, tx: Db, tenantId: string, waId: string): Promise<void> {
  const now = suite.clock.now();
  const r = await lastCampaignMessage(tx, tenantId, waId, now);
  if (r) await tx.updateTable("suite_campaign_recipients").set({ opted_out_at: now, updated_at: now }).where("campaign_id", "=", r.campaign_id).where("seq", "=", r.seq).where("opted_out_at", "is", null).execute();
}
