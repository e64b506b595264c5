import { GraphError, type InboundMessage } from "@openwaba/contracts";
import { toJson, type Db } from "@openwaba/store";
import { wamid } from "../ids";
import type { Platform } from "../platform";
import { emitMessagesEvent } from "../webhooks/events";
import { applyConsentKeyword } from "../consent/consent-keyword";
import { consentKeyword } from "../rules/consent-keywords";

/**
 * A user's message reaches a business number: stored, the customer service window reset, and
 * the `messages` webhook queued, in the caller's transaction. Returns the new wamid.
 */
export async function receiveInbound(platform: Platform, tx: Db, msg: InboundMessage): Promise<string> {
  const phone = await platform.directory.phoneNumber(msg.phoneNumberId, tx);
  if (!phone) throw new GraphError(100, `Unknown phone number id ${msg.phoneNumberId}.`);
  const now = platform.clock.now();
  await platform.limits.countInbound(phone.id, now, phone.throughput_level);
  const id = wamid(msg.waId);
  await tx
    .insertInto("messages")
    .values({
      id,
      phone_number_id: phone.id,
      wa_id: msg.waId,
      direction: "in",
      type: msg.type,
      content: toJson(msg.object),
      status: "received",
      error_code: null,
      context_id: msg.context?.id ?? null,
      biz_opaque_callback_data: null,
      created_at: now,
      updated_at: now,
    })
    .execute();
  // A message from an ad or a page's button is a free entry point as well as a window.
  const entry = msg.referral ? { entry_point_at: now } : {};
  await tx
    .insertInto("customer_windows")
    .values({ phone_number_id: phone.id, wa_id: msg.waId, last_inbound_at: now, ...entry })
    .onConflict((c) => c.columns(["phone_number_id", "wa_id"]).doUpdateSet({ last_inbound_at: now, ...entry }))
    .execute();

  const message: Record<string, unknown> = {
    from: msg.waId,
    id,
    timestamp: String(Math.floor(now / 1000)),
    type: msg.type,
  };
  if (msg.context) message.context = msg.context;
  if (msg.referral) message.referral = msg.referral;
  message[msg.type] = msg.object;
  await emitMessagesEvent(platform, tx, phone, msg.waId, {
    contacts: [{ profile: { name: msg.profileName }, wa_id: msg.waId }],
    messages: [message],
  });
  const keyword = msg.type === "text" ? consentKeyword((msg.object as { body: string }).body) : null;
  if (keyword) await applyConsentKeyword(platform, tx, phone, msg, id, keyword, now);
  return id;
}
