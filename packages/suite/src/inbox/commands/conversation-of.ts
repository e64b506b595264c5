import type { Db } from "@openwaba/store";
import { newId } from "../../ids";
import type { Suite } from "../../suite";
import type { ConversationRow } from "../present";

export interface ConversationOfProps {
  tenantId: string;
  /** The business number the customer talks to. */
  phoneNumberId: string;
  /** The customer. */
  waId: string;
  /** The customer's name, as WhatsApp or the business knows it, for a conversation made now. */
  name: string;
  /**
   * How a conversation made now begins: `open` when the customer wrote (at `lastInboundAt`, which
   * opens the service window) or an agent writes first (assigned to them); `resolved` when the
   * business writes first without a person (a bot's message, an echo of another app's send), so
   * that the customer's reply opens it for people.
   */
  startAs: { state: "open"; lastInboundAt?: number; assigneeId?: string } | { state: "resolved" };
}

/**
 * The one conversation of a number and a customer, made if there is none. At least once and from
 * several places at once (webhook retries, a flow, an agent): of two makers one makes it, and both
 * get the same row. `created` says whether this call made it.
 */
export async function conversationOf(
  suite: Suite,
  tx: Db,
  p: ConversationOfProps,
): Promise<{ conversation: ConversationRow; created: boolean }> {
  const find = () =>
    tx
      .selectFrom("suite_conversations")
      .selectAll()
      .where("phone_number_id", "=", p.phoneNumberId)
      .where("wa_id", "=", p.waId)
      .executeTakeFirst();
  const existing = await find();
  if (existing) return { conversation: existing, created: false };
  const now = suite.clock.now();
  const open = p.startAs.state === "open" ? p.startAs : null;
  const row: ConversationRow = {
    id: newId(),
    tenant_id: p.tenantId,
    phone_number_id: p.phoneNumberId,
    wa_id: p.waId,
    contact_name: p.name,
    state: p.startAs.state,
    assignee_id: open?.assigneeId ?? null,
    team_id: null,
    priority: "normal",
    labels: "[]",
    last_message_at: now,
    last_inbound_at: open?.lastInboundAt ?? null,
    cycle_opened_at: now,
    first_response_at: null,
    snoozed_until: null,
    resolved_at: open ? null : now,
    sending_until: null,
    created_at: now,
    bot_run_id: null,
  };
  const made = await tx
    .insertInto("suite_conversations")
    .values(row)
    .onConflict((x) => x.columns(["phone_number_id", "wa_id"]).doNothing())
    .executeTakeFirst();
  if (Number(made.numInsertedOrUpdatedRows ?? 1)) return { conversation: row, created: true };
  // Another maker was first: use the row that exists.
  const theirs = await find();
  if (!theirs) throw new Error("conversationOf: the conversation was neither made nor found");
  return { conversation: theirs, created: false };
}

/**
 * Drops a conversation made for a first message that was then not sent, unless a message came
 * into it meanwhile (the customer may have written).
 */
export async function discardUnusedConversation(tx: Db, p: { conversationId: string }): Promise<void> {
  await tx
    .deleteFrom("suite_conversations")
    .where("id", "=", p.conversationId)
    .where((e) =>
      e.not(
        e.exists(
          e
            .selectFrom("suite_messages")
            .select("suite_messages.id")
            .whereRef("suite_messages.conversation_id", "=", "suite_conversations.id"),
        ),
      ),
    )
    .execute();
}
