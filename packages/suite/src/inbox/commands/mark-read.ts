import type { Db } from "@openwaba/store";

/** A person has read a conversation up to `at`: nothing in it is unread for them (the count is each person's own). */
export async function markConversationRead(
  db: Db,
  p: { conversationId: string; userId: string; at: number },
): Promise<void> {
  await db
    .insertInto("suite_conversation_reads")
    .values({ conversation_id: p.conversationId, user_id: p.userId, read_at: p.at })
    .onConflict((x) => x.columns(["conversation_id", "user_id"]).doUpdateSet({ read_at: p.at }))
    .execute();
}
