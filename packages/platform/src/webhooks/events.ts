import { z } from "zod";
import type { Db } from "@openwaba/store";
import type { Destination, PhoneNumber } from "../directory";
import type { Platform } from "../platform";

/** A webhook event as queued: one `value` part, merged with its neighbours when dispatched. */
export const webhookEvent = z.object({
  wabaId: z.string(),
  field: z.string(),
  /** Parts merge only with parts of the same group (same number and kind). */
  group: z.string(),
  value: z.record(z.string(), z.unknown()),
  /** Unix seconds: fields other than `messages` carry entry[].time. */
  time: z.number().optional(),
  /** An app that must not get this event (an echo is not sent back to the app that sent the message). */
  exceptApp: z.string().optional(),
});
export type WebhookEvent = z.infer<typeof webhookEvent>;

/** Whether a subscriber takes an event: the fields it chose (none chosen: every field), never its own echoes. */
export const destinationWants = (dest: Destination, e: Pick<WebhookEvent, "field" | "exceptApp">) =>
  (!dest.fields || dest.fields.includes(e.field)) && dest.appId !== e.exceptApp;

/** What an echo of a sent message shows: the message as the business sent it. */
export interface EchoedMessage {
  id: string;
  type: string;
  content: unknown;
  sentAt: number;
}

/**
 * Whether anyone but the sending app takes echoes on this WABA. Read before the send's
 * transaction (the directory cache reads outside it), so that a WABA nobody watches pays nothing.
 */
export async function echoWanted(
  platform: Platform,
  wabaId: string,
  senderAppId: string | undefined,
): Promise<boolean> {
  if (!senderAppId) return false;
  return (await platform.directory.destinations(wabaId)).some((d) =>
    destinationWants(d, { field: ECHO_FIELD, exceptApp: senderAppId }),
  );
}

export const ECHO_FIELD = "smb_message_echoes";

/**
 * Queues the echo of a message sent through the Cloud API, in Meta's `smb_message_echoes` shape,
 * for the WABA's other subscribers (on Meta these echo what the Business app sent; OpenWABA also
 * echoes what one app sent through the API to the others, so a team inbox sees what a bot or a
 * script said). Ordered with the message's statuses, which follow it.
 */
export async function emitEcho(
  platform: Platform,
  tx: Db,
  phone: PhoneNumber,
  waId: string,
  m: EchoedMessage,
  senderAppId: string,
): Promise<void> {
  const event: WebhookEvent = {
    wabaId: phone.waba_id,
    field: ECHO_FIELD,
    group: `${phone.id}|echoes`,
    exceptApp: senderAppId,
    value: {
      messaging_product: "whatsapp",
      metadata: metadata(phone),
      message_echoes: [
        {
          from: phone.display_phone_number,
          to: waId,
          id: m.id,
          timestamp: String(Math.floor(m.sentAt / 1000)),
          type: m.type,
          [m.type]: m.content,
        },
      ],
    },
  };
  await platform.jobs.enqueue(tx, "webhook.event", event, { key: `${phone.waba_id}|${phone.id}|${waId}` });
}

const metadata = (p: PhoneNumber) => ({ display_phone_number: p.display_phone_number, phone_number_id: p.id });

/**
 * Queues a `messages`-field webhook in the caller's transaction. The ordering key keeps each
 * (number, user) conversation in order at the receiver.
 */
export async function emitMessagesEvent(
  platform: Platform,
  tx: Db,
  phone: PhoneNumber,
  waId: string,
  part: { statuses?: unknown[]; messages?: unknown[]; contacts?: unknown[]; user_preferences?: unknown[] },
  field = "messages",
): Promise<void> {
  const kind = part.statuses ? "statuses" : part.user_preferences ? "user_preferences" : "messages";
  const event: WebhookEvent = {
    wabaId: phone.waba_id,
    field,
    group: `${phone.id}|${kind}`,
    value: { messaging_product: "whatsapp", metadata: metadata(phone), ...part },
  };
  await platform.jobs.enqueue(tx, "webhook.event", event, { key: `${phone.waba_id}|${phone.id}|${waId}` });
}

/**
 * Queues a WABA-level webhook (template status, quality, account fields) in the caller's
 * transaction, in order per WABA and field.
 */
export async function emitWabaEvent(
  platform: Platform,
  tx: Db,
  wabaId: string,
  field: string,
  value: Record<string, unknown>,
): Promise<void> {
  const now = platform.clock.now();
  const event: WebhookEvent = { wabaId, field, group: field, value, time: Math.floor(now / 1000) };
  await platform.jobs.enqueue(tx, "webhook.event", event, { key: `${wabaId}|${field}`, runAt: now });
}
