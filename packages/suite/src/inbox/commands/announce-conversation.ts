import type { Db } from "@openwaba/store";
import { publish } from "../../realtime/commands/publish";
import type { Suite } from "../../suite";
import { type ConversationRow, presentConversation } from "../present";

/** Announces a conversation's current state to the consoles that may see it (in the caller's transaction). */
export async function announceConversation(suite: Suite, tx: Db, conversationId: string): Promise<ConversationRow> {
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
