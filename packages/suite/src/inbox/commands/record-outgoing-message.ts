import type { Db } from "@openwaba/store";
import { publish } from "../../realtime/commands/publish";
import type { Suite } from "../../suite";
import { authorNames } from "../author-names";
import { type MessageRow, presentMessage } from "../present";
import { announceConversation } from "./announce-conversation";
import { applyEarlyStatuses } from "./apply-message-status";

export interface RecordOutgoingMessageProps {
  conversationId: string;
  /** The Cloud API's id of the message (its wamid). */
  id: string;
  /** The Cloud API message type (text, template, image, …) and its object as sent. */
  type: string;
  content: Record<string, unknown>;
  /** Its tick when recorded: accepted for a send just made, later for one recorded afterwards. */
  status?: string;
  /** The agent who wrote it; null: a bot, a campaign or another app (the content says which). */
  authorId: string | null;
  /** The customer's message it answers, if any. */
  contextId: string | null;
  /** When it was sent. */
  at: number;
  /** The sender's own changes, in the same transaction, before the consoles hear of it. */
  alongside?: (tx: Db) => Promise<void>;
}

/**
 * Puts a message the business sent on the conversation's timeline (a console's, a bot's, a
 * campaign's, another app's), once: a second record of the same wamid (a webhook retry) does
 * nothing and gives null. The consoles hear of the conversation and the message, and ticks that
 * came before it was stored are applied.
 */
export async function recordOutgoingMessage(
  suite: Suite,
  tx: Db,
  p: RecordOutgoingMessageProps,
): Promise<MessageRow | null> {
  const now = suite.clock.now();
  const stored = await tx
    .insertInto("suite_messages")
    .values({
      id: p.id,
      conversation_id: p.conversationId,
      direction: "out",
      type: p.type,
      content: JSON.stringify(p.content),
      status: p.status ?? "accepted",
      error: null,
      author_id: p.authorId,
      context_id: p.contextId,
      at: p.at,
      updated_at: now,
    })
    .onConflict((x) => x.column("id").doNothing())
    .executeTakeFirst();
  if (!Number(stored.numInsertedOrUpdatedRows ?? 1)) return null;
  const c = await tx
    .selectFrom("suite_conversations")
    .select(["tenant_id", "last_message_at"])
    .where("id", "=", p.conversationId)
    .executeTakeFirstOrThrow();
  // Never back: an echo or a campaign's message may be recorded after later ones.
  if (p.at > c.last_message_at)
    await tx
      .updateTable("suite_conversations")
      .set({ last_message_at: p.at })
      .where("id", "=", p.conversationId)
      .execute();
  await p.alongside?.(tx);
  const conv = await announceConversation(suite, tx, p.conversationId);
  const message = await tx.selectFrom("suite_messages").selectAll().where("id", "=", p.id).executeTakeFirstOrThrow();
  await publish(suite, tx, {
    tenant_id: conv.tenant_id,
    team_id: conv.team_id,
    conversation_id: p.conversationId,
    kind: "message.created",
    payload: {
      message: presentMessage(message, await authorNames(tx, c.tenant_id, [message.author_id])),
      assignee_id: conv.assignee_id,
    },
  });
  await applyEarlyStatuses(suite, tx, p.id);
  return tx.selectFrom("suite_messages").selectAll().where("id", "=", p.id).executeTakeFirstOrThrow();
}
