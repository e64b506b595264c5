import type { Db } from "@openwaba/store";
import type { Suite } from "../../suite";
import type { ConversationRow } from "../present";

/** A customer's message as the Cloud API's `messages` webhook carries it. */
export type CustomerMessage = {
  id: string;
  from: string;
  timestamp: string;
  type: string;
  context?: { id?: string };
} & Record<string, unknown>;

/**
 * Stores a customer's message on their conversation, once: false when it was stored before (the
 * webhook was delivered again), and then nothing else should happen.
 */
export async function storeCustomerMessage(
  suite: Suite,
  tx: Db,
  p: { conversationId: string; message: CustomerMessage },
): Promise<boolean> {
  const now = suite.clock.now();
  const m = p.message;
  const stored = await tx
    .insertInto("suite_messages")
    .values({
      id: m.id,
      conversation_id: p.conversationId,
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
  return Number(stored.numInsertedOrUpdatedRows ?? 1) > 0;
}

export interface CustomerWroteProps {
  /** The conversation as it was before the message. */
  conversation: ConversationRow;
  /** The customer's name as WhatsApp gives it now. */
  name: string;
  /** When the customer sent it (opens the service window from then). */
  sentAt: number;
  /** What the message makes of the conversation (conversation-state.ts: open; a bot may keep it resolved). */
  state: "open" | "resolved";
  /** The message begins a new cycle: its own first-response clock, and its agent only if still there. */
  newCycle: boolean;
}

/** The conversation after a customer's message: its state, name, times and, in a new cycle, its agent. */
export async function customerWrote(suite: Suite, tx: Db, p: CustomerWroteProps): Promise<void> {
  const c = p.conversation;
  const now = suite.clock.now();
  let assignee = c.assignee_id;
  if (p.newCycle && assignee) {
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
      state: p.state,
      contact_name: p.name,
      last_message_at: now,
      last_inbound_at: Math.max(p.sentAt, c.last_inbound_at ?? 0),
      snoozed_until: null,
      assignee_id: assignee,
      ...(p.newCycle ? { cycle_opened_at: now, first_response_at: null, resolved_at: null } : {}),
    })
    .where("id", "=", c.id)
    .execute();
}
