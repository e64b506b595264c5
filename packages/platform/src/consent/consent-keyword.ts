import type { InboundMessage } from "@openwaba/contracts";
import type { Db } from "@openwaba/store";
import { queueOutbound } from "../commands/send-message";
import type { PhoneNumber } from "../directory";
import { wamid } from "../ids";
import type { Platform } from "../platform";
import { consentConfirmation, type ConsentKeyword } from "../rules/consent-keywords";
import { emitMessagesEvent } from "../webhooks/events";
import { recordConsent } from "./consent-ledger";
import { recordUserSignal } from "../quality/record-signal";

/**
 * A user wrote STOP (or START) in one of the supported languages: the ledger records it, the
 * business hears it as Meta's `user_preferences` webhook, and the user gets a confirmation — all
 * in the transaction that received the message.
 */
export async function applyConsentKeyword(
  platform: Platform,
  tx: Db,
  phone: PhoneNumber,
  msg: InboundMessage,
  messageId: string,
  k: ConsentKeyword,
  now: number,
): Promise<void> {
  const stop = k.action === "stop";
  await recordConsent(tx, {
    waba_id: phone.waba_id,
    wa_id: msg.waId,
    scope: "marketing",
    status: stop ? "revoked" : "granted",
    source: "keyword",
    at: now,
    evidence: { message_id: messageId, text: (msg.object as { body: string }).body },
  });
  await emitMessagesEvent(
    platform,
    tx,
    phone,
    msg.waId,
    {
      contacts: [{ profile: { name: msg.profileName }, wa_id: msg.waId }],
      user_preferences: [
        {
          wa_id: msg.waId,
          detail: stop ? "User requested to stop marketing messages" : "User requested to resume marketing messages",
          category: "marketing_messages",
          value: stop ? "stop" : "resume",
          timestamp: Math.floor(now / 1000),
        },
      ],
    },
    "user_preferences",
  );
  // Opting out is also a quality signal, against the number and the template the user last got.
  if (stop) await recordUserSignal(platform, tx, { phoneNumberId: phone.id, waId: msg.waId, kind: "stop" });
  await queueOutbound(platform, tx, phone, {
    id: wamid(msg.waId),
    waId: msg.waId,
    type: "text",
    content: { body: consentConfirmation(k, phone.verified_name) },
    now,
    pricingCategory: "service",
    windowOpenedAt: now,
  });
}
