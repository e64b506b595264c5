import { webhookError, type StatusUpdate } from "@openwaba/contracts";
import type { Db } from "@openwaba/store";
import type { Platform } from "../platform";
import { emitMessagesEvent } from "../webhooks/events";
import { priceStatus } from "../pricing/status-pricing";

/** The statuses each status may follow: they only move forward, and failed ends a message. */
const AFTER: Record<StatusUpdate["status"], string[]> = {
  sent: ["accepted"],
  delivered: ["accepted", "sent"],
  read: ["accepted", "sent", "delivered"],
  failed: ["accepted", "sent"],
};

/**
 * The network reports what happened to outbound messages (sent < delivered < read; failed ends
 * it). A repeated or late report changes nothing, so the network may report at least once. Runs
 * in the caller's transaction; the statuses applied for one (number, user) go out as one webhook
 * event. Returns, per update, whether it was applied.
 */
export async function reportStatus(
  platform: Platform,
  tx: Db,
  updates: StatusUpdate | StatusUpdate[],
): Promise<boolean[]> {
  const list = Array.isArray(updates) ? updates : [updates];
  const now = platform.clock.now();
  const applied: boolean[] = [];
  const out = new Map<string, { phoneId: string; waId: string; statuses: Record<string, unknown>[] }>();
  for (const u of list) {
    const m = await tx
      .updateTable("messages")
      .set({ status: u.status, error_code: u.errorCode ?? null, updated_at: now })
      .where("id", "=", u.messageId)
      .where("direction", "=", "out")
      .where("status", "in", AFTER[u.status])
      .returning([
        "id",
        "phone_number_id",
        "wa_id",
        "type",
        "biz_opaque_callback_data",
        "window_opened_at",
        "pricing_category",
        "created_at",
        "free_entry_until",
        "conversation_id",
      ])
      .executeTakeFirst();
    applied.push(!!m);
    if (!m) continue;
    const status: Record<string, unknown> = {
      id: m.id,
      status: u.status,
      timestamp: String(Math.floor(now / 1000)),
      recipient_id: m.wa_id,
    };
    if (m.biz_opaque_callback_data) status.biz_opaque_callback_data = m.biz_opaque_callback_data;
    if (u.status === "failed") {
      status.errors = [webhookError(u.errorCode ?? 131000, u.errorDetails)];
    } else {
      Object.assign(status, await priceStatus(platform, tx, m, u.status, now));
    }
    const key = `${m.phone_number_id}|${m.wa_id}`;
    const group = out.get(key) ?? { phoneId: m.phone_number_id, waId: m.wa_id, statuses: [] };
    group.statuses.push(status);
    out.set(key, group);
  }
  for (const g of out.values()) {
    const phone = await platform.directory.phoneNumber(g.phoneId, tx);
    if (phone) await emitMessagesEvent(platform, tx, phone, g.waId, { statuses: g.statuses });
  }
  return applied;
}
