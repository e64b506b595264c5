import type { Db } from "@openwaba/store";
import { newId } from "../ids";
import { publish } from "../realtime/publish";
import type { Suite } from "../suite";
import { presentConversation, type ConversationRow } from "./present";

/** Announces a conversation's current state to the consoles that may see it (in the caller's transaction). */
export async function publishConversation(suite: Suite, tx: Db, conversationId: string): Promise<ConversationRow> {
  const c = await tx
    .selectFrom("suite_conversations")
    .selectAll()
    .where("id", "=", conversationId)
    .executeTakeFirstOrThrow();
  await publish(suite, tx, {
    tenant_id: c.tenant_id,
    team_id: c.team_id,
    conversation_id: c.id,
    kind: "conversation.updated",
    payload: { conversation: presentConversation(c, suite.clock.now()), assignee_id: c.assignee_id },
  });
  return c;
}

/**
 * A timeline event (assigned, transferred, resolved, …), stored and announced with the
 * conversation's new state — unless `quiet`, when the caller announces the conversation once
 * after several changes (a new conversation is routed and assigned in one go).
 */
export async function recordEvent(
  suite: Suite,
  tx: Db,
  conversationId: string,
  kind: string,
  actorId: string | null,
  data: Record<string, unknown> = {},
  quiet = false,
): Promise<void> {
  const at = suite.clock.now();
  const id = newId();
  await tx
    .insertInto("suite_conversation_events")
    .values({ id, conversation_id: conversationId, kind, actor_id: actorId, data: JSON.stringify(data), at })
    .execute();
  const c = quiet
    ? await tx.selectFrom("suite_conversations").selectAll().where("id", "=", conversationId).executeTakeFirstOrThrow()
    : await publishConversation(suite, tx, conversationId);
  await publish(suite, tx, {
    tenant_id: c.tenant_id,
    team_id: c.team_id,
    conversation_id: c.id,
    kind: "timeline.event",
    payload: {
      event: { kind: "event", id, type: kind, actor_id: actorId, data, at: new Date(at).toISOString() },
      assignee_id: c.assignee_id,
    },
  });
}
