import type { Db } from "@openwaba/store";
import type { PhoneNumber } from "../directory";
import { QUEUES, type Platform } from "../platform";

/** A webhook event as queued: one `value` part, merged with its neighbours when dispatched. */
export interface WebhookEvent {
  wabaId: string;
  field: string;
  /** Parts merge only with parts of the same group (same number and kind). */
  group: string;
  value: Record<string, unknown>;
  /** Unix seconds: fields other than `messages` carry entry[].time. */
  time?: number;
}

const metadata = (p: PhoneNumber) => ({ display_phone_number: p.display_phone_number, phone_number_id: p.id });

/**
 * Queues a `messages`-field webhook in the caller's transaction. The ordering key keeps each
 * (number, user) conversation in order at the receiver.
 */
export async function emitMessagesEvent(
  platform: Platform, tx: Db, phone: PhoneNumber, waId: string,
  part: { statuses?: unknown[]; messages?: unknown[]; contacts?: unknown[]; user_preferences?: unknown[] },
  field = "messages",
): Promise<void> {
  const kind = part.statuses ? "statuses" : part.user_preferences ? "user_preferences" : "messages";
  const event: WebhookEvent = {
    wabaId: phone.waba_id, field, group: `${phone.id}|${kind}`,
    value: { messaging_product: "whatsapp", metadata: metadata(phone), ...part },
  };
  await platform.queue.enqueue(tx, { queue: QUEUES.webhook, key: `${phone.waba_id}|${phone.id}|${waId}`, kind: field, payload: event, runAt: platform.clock.now() });
}

/**
 * Queues a WABA-level webhook (template status, quality, account fields) in the caller's
 * transaction, in order per WABA and field.
 */
export async function emitWabaEvent(platform: Platform, tx: Db, wabaId: string, field: string, value: Record<string, unknown>): Promise<void> {
  const now = platform.clock.now();
  const event: WebhookEvent = { wabaId, field, group: field, value, time: Math.floor(now / 1000) };
  await platform.queue.enqueue(tx, { queue: QUEUES.webhook, key: `${wabaId}|${field}`, kind: field, payload: event, runAt: now });
}
