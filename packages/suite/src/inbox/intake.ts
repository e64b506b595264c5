import type { Db } from "@openwaba/store";
import { newId } from "../ids";
import { publish } from "../realtime/publish";
import { routeConversation } from "../routing/assign";
import type { Suite } from "../suite";
import { publishConversation } from "./conversation-events";
import { onCustomerMessage, type ConversationState } from "./conversation-state";
import { presentMessage } from "./present";
import { saveContact } from "../contacts/contacts-store";
import { askFaqBot } from "../faq/faq-bot";
import { consentFromEntryPoint } from "../entry-points/entry-points";
import { languageOf } from "../routing/language";
import { activeRun } from "../flows/flow-runs";
import { flowsOnCustomerMessage } from "../flows/flow-intake";
import { customerReplyOf } from "../flows/inbound-reply";
import { applyCampaignStatus, noteCampaignReply } from "../campaigns/campaign-statuses";

// What the suite learns from the Cloud API's `messages` webhooks: customers' messages become
// conversations and timeline entries, statuses become ticks. At least once and in any order:
// a message seen twice is stored once, and ticks only move forward.

const RANK: Record<string, number> = { accepted: 0, sent: 1, delivered: 2, read: 3, failed: 4 };

export interface MessagesValue {
  metadata?: { phone_number_id?: string };
  contacts?: { wa_id: string; profile?: { name?: string } }[];
  messages?: ({ id: string; from: string; timestamp: string; type: string; context?: { id?: string } } & Record<
    string,
    unknown
  >)[];
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
  m: NonNullable<MessagesValue["messages"]>[number],
  name: string,
): Promise<void> {
  const now = suite.clock.now();
  const sentAt = Number(m.timestamp) * 1000 || now;
  let c = await tx
    .selectFrom("suite_conversations")
    .selectAll()
    .where("phone_number_id", "=", phoneNumberId)
    .where("wa_id", "=", m.from)
    .executeTakeFirst();
  let newCycle = false;
  if (!c) {
    c = {
      id: newId(),
      tenant_id: tenantId,
      phone_number_id: phoneNumberId,
      wa_id: m.from,
      contact_name: name,
      state: "open",
      assignee_id: null,
      team_id: null,
      priority: "normal",
      labels: "[]",
      last_message_at: now,
      last_inbound_at: sentAt,
      cycle_opened_at: now,
      first_response_at: null,
      snoozed_until: null,
      resolved_at: null,
      sending_until: null,
      created_at: now,
      bot_run_id: null,
    };
    const made = await tx
      .insertInto("suite_conversations")
      .values(c)
      .onConflict((x) => x.columns(["phone_number_id", "wa_id"]).doNothing())
      .executeTakeFirst();
    if (Number(made.numInsertedOrUpdatedRows ?? 1)) newCycle = true;
    // Another delivery of the same events may have made it first: use the row that exists.
    else
      c = await tx
        .selectFrom("suite_conversations")
        .selectAll()
        .where("phone_number_id", "=", phoneNumberId)
        .where("wa_id", "=", m.from)
        .executeTakeFirstOrThrow();
  }
  const stored = await tx
    .insertInto("suite_messages")
    .values({
      id: m.id,
      conversation_id: c.id,
      direction: "in",
      type: m.type,
      content: JSON.stringify(m[m.type] ?? {}),
      status: "received",
      error: null,
      author_id: null,
      context_id: m.context?.id ?? null,
      at: now,
      updated_at: now,
    })
    .onConflict((x) => x.column("id").doNothing())
    .executeTakeFirst();
  if (!Number(stored.numInsertedOrUpdatedRows ?? 1)) return; // seen before (a webhook retry)
  const previousMessageAt = newCycle ? null : c.last_message_at;
  // Every customer who writes is a contact, active now, named as WhatsApp names them (unless named already).
  const known = await tx
    .selectFrom("suite_contacts")
    .select("id")
    .where("tenant_id", "=", tenantId)
    .where("wa_id", "=", m.from)
    .executeTakeFirst();
  const { created: newContact } = await saveContact(
    suite,
    tx,
    tenantId,
    { wa_id: m.from, ...(known ? {} : { name }) },
    "whatsapp",
    true,
  );
  const run = await activeRun(tx, c.id);
  // A bot that holds a closed conversation (a survey, a notification's question) takes the answer
  // without reopening it for people.
  const next =
    run && c.state === "resolved"
      ? { state: "resolved" as const, newCycle: false }
      : onCustomerMessage(c.state as ConversationState);
  if (next.newCycle) newCycle = true;
  // A new cycle keeps its agent only if they are still there to answer.
  let assignee = c.assignee_id;
  if (next.newCycle && assignee) {
    const a = await tx
      .selectFrom("suite_users")
      .select(["status", "availability"])
      .where("id", "=", assignee)
      .executeTakeFirst();
    if (!a || a.status !== "active" || a.availability === "offline") assignee = null;
  }
  await tx
    .updateTable("suite_conversations")
    .set({
      state: next.state,
      contact_name: name,
      last_message_at: now,
      last_inbound_at: Math.max(sentAt, c.last_inbound_at ?? 0),
      snoozed_until: null,
      assignee_id: assignee,
      ...(next.newCycle ? { cycle_opened_at: now, first_response_at: null, resolved_at: null } : {}),
    })
    .where("id", "=", c.id)
    .execute();
  await noteCampaignReply(suite, tx, tenantId, m.from, c);
  const fresh = await tx.selectFrom("suite_conversations").selectAll().where("id", "=", c.id).executeTakeFirstOrThrow();
  const bot = await flowsOnCustomerMessage(suite, tx, {
    conversation: fresh,
    run,
    messageId: m.id,
    reply: customerReplyOf(m),
    newCycle,
    newContact,
    previousMessageAt,
  });
  // Routed and assigned first, so that the conversation and its message are announced once, to
  // the consoles of the team it went to. A bot that took it routes it when it hands over.
  if (newCycle && !bot)
    await routeConversation(
      suite,
      tx,
      c.id,
      m.type === "text" ? String((m.text as { body?: string })?.body ?? "") : "",
      true,
    );
  const message = await tx.selectFrom("suite_messages").selectAll().where("id", "=", m.id).executeTakeFirstOrThrow();
  const conv = await publishConversation(suite, tx, c.id);
  await publish(suite, tx, {
    tenant_id: tenantId,
    team_id: conv.team_id,
    conversation_id: c.id,
    kind: "message.created",
    payload: { message: presentMessage(message), assignee_id: conv.assignee_id },
  });
  if (m.type === "text") {
    const text = String((m.text as { body?: string })?.body ?? "");
    await consentFromEntryPoint(suite, tx, tenantId, phoneNumberId, m.from, text);
    if (!bot) await askFaqBot(suite, tx, conv, m.id, text, languageOf(m.from));
  }
}

type Status = NonNullable<MessagesValue["statuses"]>[number];

async function statusUpdate(suite: Suite, tx: Db, tenantId: string, phoneNumberId: string, s: Status): Promise<void> {
  const e = s.errors?.[0];
  const error = e
    ? JSON.stringify({ code: e.code, title: e.title ?? null, details: e.error_data?.details ?? e.message ?? null })
    : null;
  // A campaign's message: its recipient's tick (and the timeline's, once a reply put it there).
  const campaign = await applyCampaignStatus(suite, tx, tenantId, s.biz_opaque_callback_data, s);
  if (campaign) {
    if (campaign.replied) await applyStatus(suite, tx, s.id, s.status, error);
    return;
  }
  if (await applyStatus(suite, tx, s.id, s.status, error)) return;
  // A console send to this customer is under way and has not stored its message yet: keep the
  // tick for it. Other unknown messages were sent by other systems with the same number.
  const sending = await tx
    .selectFrom("suite_conversations")
    .select("id")
    .where("phone_number_id", "=", phoneNumberId)
    .where("wa_id", "=", s.recipient_id)
    .where("sending_until", ">", suite.clock.now())
    .executeTakeFirst();
  if (sending)
    await tx
      .insertInto("suite_early_statuses")
      .values({ message_id: s.id, status: s.status, error, at: suite.clock.now() })
      .execute();
}

/** Ticks that came before their message was stored, applied once it is. */
export async function applyEarlyStatuses(suite: Suite, tx: Db, messageId: string): Promise<void> {
  const early = await tx.selectFrom("suite_early_statuses").selectAll().where("message_id", "=", messageId).execute();
  for (const s of early.sort((a, b) => RANK[a.status] - RANK[b.status]))
    await applyStatus(suite, tx, messageId, s.status, s.error);
  if (early.length) await tx.deleteFrom("suite_early_statuses").where("message_id", "=", messageId).execute();
}

/** Moves a stored outbound message's tick forward; false when the message is not (yet) stored. */
async function applyStatus(suite: Suite, tx: Db, id: string, status: string, error: string | null): Promise<boolean> {
  const m = await tx
    .selectFrom("suite_messages")
    .innerJoin("suite_conversations", "suite_conversations.id", "suite_messages.conversation_id")
    .select([
      "suite_messages.id",
      "suite_messages.status",
      "suite_conversations.id as conversation_id",
      "suite_conversations.tenant_id",
      "suite_conversations.team_id",
      "suite_conversations.assignee_id",
    ])
    .where("suite_messages.id", "=", id)
    .where("suite_messages.direction", "=", "out")
    .executeTakeFirst();
  if (!m) return false;
  if (!(status in RANK) || m.status === "failed" || RANK[status] <= RANK[m.status]) return true;
  await tx
    .updateTable("suite_messages")
    .set({ status, error, updated_at: suite.clock.now() })
    .where("id", "=", m.id)
    .execute();
  await publish(suite, tx, {
    tenant_id: m.tenant_id,
    team_id: m.team_id,
    conversation_id: m.conversation_id,
    kind: "message.status",
    payload: { message_id: m.id, status, error: error ? JSON.parse(error) : null, assignee_id: m.assignee_id },
  });
  return true;
}
