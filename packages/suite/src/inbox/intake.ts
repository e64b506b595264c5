import type { Db } from "@openwaba/store";
import type { CustomerMessageEvent, MessageStatusEvent } from "../module";
import { publish } from "../realtime/commands/publish";
import type { Suite } from "../suite";
import { announceConversation } from "./commands/announce-conversation";
import { applyMessageStatus, keepEarlyStatus } from "./commands/apply-message-status";
import { conversationOf } from "./commands/conversation-of";
import { type CustomerMessage, customerWrote, storeCustomerMessage } from "./commands/record-customer-message";
import { type ConversationState, onCustomerMessage } from "./conversation-state";
import { presentMessage } from "./present";

// What the suite learns from the Cloud API's `messages` webhooks: customers' messages become
// conversations and timeline entries, statuses become ticks. At least once and in any order:
// a message seen twice is stored once, and ticks only move forward.

export interface MessagesValue {
  metadata?: { phone_number_id?: string };
  contacts?: { wa_id: string; profile?: { name?: string } }[];
  messages?: CustomerMessage[];
  statuses?: {
    id: string;
    status: string;
    recipient_id: string;
    timestamp: string;
    errors?: { code: number; title?: string; message?: string; error_data?: { details?: string } }[];
    biz_opaque_callback_data?: string;
    pricing?: { billable?: boolean; category?: string; type?: string };
  }[];
}

/** Applies one `messages` change of a tenant's number in one transaction. */
export async function applyMessagesChange(suite: Suite, tx: Db, tenantId: string, v: MessagesValue): Promise<void> {
  const phoneNumberId = v.metadata?.phone_number_id;
  if (!phoneNumberId) return;
  const known = await tx
    .selectFrom("suite_numbers")
    .select("id")
    .where("id", "=", phoneNumberId)
    .where("tenant_id", "=", tenantId)
    .executeTakeFirst();
  if (!known) return;
  const names = new Map((v.contacts ?? []).map((c) => [c.wa_id, c.profile?.name ?? c.wa_id]));
  for (const m of v.messages ?? [])
    await customerMessage(suite, tx, tenantId, phoneNumberId, m, names.get(m.from) ?? m.from);
  for (const s of v.statuses ?? []) await statusUpdate(suite, tx, tenantId, phoneNumberId, s);
}

async function customerMessage(
  suite: Suite,
  tx: Db,
  tenantId: string,
  phoneNumberId: string,
  m: CustomerMessage,
  name: string,
): Promise<void> {
  const now = suite.clock.now();
  const sentAt = Number(m.timestamp) * 1000 || now;
  const { conversation: c, created } = await conversationOf(suite, tx, {
    tenantId,
    phoneNumberId,
    waId: m.from,
    name,
    startAs: { state: "open", lastInboundAt: sentAt },
  });
  if (!(await storeCustomerMessage(suite, tx, { conversationId: c.id, message: m }))) return; // seen before (a webhook retry)
  // A bot that holds a closed conversation (a survey, a notification's question) takes the answer
  // without reopening it for people.
  const next =
    c.bot_run_id && c.state === "resolved"
      ? { state: "resolved" as const, newCycle: false }
      : onCustomerMessage(c.state);
  const newCycle = created || next.newCycle;
  // A new cycle keeps its agent only if they are still there to answer.
  await customerWrote(suite, tx, { conversation: c, name, sentAt, state: next.state, newCycle: next.newCycle });
  const e: CustomerMessageEvent = {
    tenantId,
    phoneNumberId,
    conversation: await tx
      .selectFrom("suite_conversations")
      .selectAll()
      .where("id", "=", c.id)
      .executeTakeFirstOrThrow(),
    before: c,
    message: m,
    name,
    text: m.type === "text" ? String((m.text as { body?: string })?.body ?? "") : null,
    newCycle,
    previousMessageAt: created ? null : c.last_message_at,
  };
  // The features' reactions, in the suite's order (modules.ts): contacts, campaigns, flows, routing, …
  for (const mod of suite.modules) {
    if (!mod.onCustomerMessage) continue;
    if ((await mod.onCustomerMessage(suite, tx, e)) === "took") e.takenBy ??= mod.name;
  }
  // The consoles hear of the conversation and its message once, as it is after every reaction.
  const message = await tx.selectFrom("suite_messages").selectAll().where("id", "=", m.id).executeTakeFirstOrThrow();
  const conv = await announceConversation(suite, tx, c.id);
  await publish(suite, tx, {
    tenant_id: tenantId,
    team_id: conv.team_id,
    conversation_id: c.id,
    kind: "message.created",
    payload: { message: presentMessage(message), assignee_id: conv.assignee_id },
  });
}

type Status = NonNullable<MessagesValue["statuses"]>[number];

async function statusUpdate(suite: Suite, tx: Db, tenantId: string, phoneNumberId: string, s: Status): Promise<void> {
  const err = s.errors?.[0];
  const error = err
    ? JSON.stringify({
        code: err.code,
        title: err.title ?? null,
        details: err.error_data?.details ?? err.message ?? null,
      })
    : null;
  const tick = { messageId: s.id, status: s.status, error };
  const e: MessageStatusEvent = { tenantId, phoneNumberId, status: s, error };
  // A module's own message (a campaign's): its tick is its own, and the timeline's once it is there.
  for (const mod of suite.modules) {
    if (!mod.onStatus || e.takenBy) continue;
    if ((await mod.onStatus(suite, tx, e)) === "took") e.takenBy = mod.name;
  }
  if (e.takenBy) {
    if (e.alsoOnTimeline) await applyMessageStatus(suite, tx, tick);
    return;
  }
  if (await applyMessageStatus(suite, tx, tick)) return;
  // A console send to this customer is under way and has not stored its message yet: keep the
  // tick for it. Other unknown messages were sent by other systems with the same number.
  const sending = await tx
    .selectFrom("suite_conversations")
    .select("id")
    .where("phone_number_id", "=", phoneNumberId)
    .where("wa_id", "=", s.recipient_id)
    .where("sending_until", ">", suite.clock.now())
    .executeTakeFirst();
  if (sending) await keepEarlyStatus(suite, tx, tick);
}
