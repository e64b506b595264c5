import type { Db } from "@openwaba/store";
import type { Suite } from "../../suite";
import type { ConversationRow } from "../present";
import { recordEvent } from "./record-event";

export interface ReopenConversationProps {
  /** The conversation as it was read; reopened only while it is still resolved. */
  conversation: Pick<ConversationRow, "id">;
  /** Who reopened it; null: the suite (a bot handing over to people). */
  actorId: string | null;
  /** Announce the conversation now (the default), or leave it to the caller who announces it once. */
  announceConversation?: boolean;
}

/**
 * Opens a resolved conversation again as a new cycle (its own first-response clock): an agent
 * reopening it, writing to the customer anew, or a bot handing over. False when it is no longer
 * resolved (of two reopening at once, one does it).
 */
export async function reopenConversation(suite: Suite, tx: Db, p: ReopenConversationProps): Promise<boolean> {
  const now = suite.clock.now();
  const moved = await tx
    .updateTable("suite_conversations")
    .set({ state: "open", snoozed_until: null, resolved_at: null, cycle_opened_at: now, first_response_at: null })
    .where("id", "=", p.conversation.id)
    .where("state", "=", "resolved")
    .executeTakeFirst();
  if (!Number(moved.numUpdatedRows)) return false;
  await recordEvent(suite, tx, {
    conversationId: p.conversation.id,
    kind: "reopened",
    actorId: p.actorId,
    announceConversation: p.announceConversation,
  });
  return true;
}
