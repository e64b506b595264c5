import { createHash } from "node:crypto";
import { webhookError, type StatusUpdate } from "@openwaba/contracts";
import type { Db } from "@openwaba/store";
import type { Platform } from "../platform";
import { carriesPricing, conversationFor, pricingFor } from "../rules/pricing";
import { emitMessagesEvent } from "../webhooks/events";

const RANK: Record<string, number> = { accepted: 0, sent: 1, delivered: 2, read: 3 };

/**
 * The network reports what happened to an outbound message. Statuses only move forward
 * (sent < delivered < read; failed ends it); a repeated or late report changes nothing, so the
 * network may report at least once. Runs in the caller's transaction with the caller's own writes.
 */
export async function reportStatus(platform: Platform, tx: Db, u: StatusUpdate): Promise<boolean> {
  const m = await tx.selectFrom("messages").select(["id", "phone_number_id", "wa_id", "status", "type", "direction", "biz_opaque_callback_data"])
    .where("id", "=", u.messageId).executeTakeFirst();
  if (!m || m.direction !== "out" || m.status === "failed") return false;
  if (u.status !== "failed" && RANK[u.status] <= RANK[m.status]) return false;
  const phone = await platform.directory.phoneNumber(m.phone_number_id, tx);
  if (!phone) return false;
  const now = platform.clock.now();
  await tx.updateTable("messages").set({ status: u.status, error_code: u.errorCode ?? null, updated_at: now }).where("id", "=", m.id).execute();

  const status: Record<string, unknown> = { id: m.id, status: u.status, timestamp: String(Math.floor(now / 1000)), recipient_id: m.wa_id };
  if (m.biz_opaque_callback_data) status.biz_opaque_callback_data = m.biz_opaque_callback_data;
  if (u.status === "failed") {
    status.errors = [webhookError(u.errorCode ?? 131000, u.errorDetails)];
  } else if (carriesPricing(u.status)) {
    const w = await tx.selectFrom("customer_windows").select("last_inbound_at")
      .where("phone_number_id", "=", m.phone_number_id).where("wa_id", "=", m.wa_id).executeTakeFirst();
    const openedAt = w?.last_inbound_at ?? now;
    const pricing = pricingFor(m.type);
    const conversationId = createHash("md5").update(`${m.phone_number_id}|${m.wa_id}|${openedAt}|${pricing.category}`).digest("hex");
    status.conversation = conversationFor(pricing, openedAt, conversationId, u.status === "sent");
    status.pricing = pricing;
  }
  await emitMessagesEvent(platform, tx, phone, m.wa_id, { statuses: [status] });
  return true;
}
