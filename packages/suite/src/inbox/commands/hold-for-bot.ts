import type { Db } from "@openwaba/store";

/** A bot's run holds the conversation: people get it when it hands over. */
export async function holdForBot(tx: Db, p: { conversationId: string; runId: string }): Promise<void> {
  await tx.updateTable("suite_conversations").set({ bot_run_id: p.runId }).where("id", "=", p.conversationId).execute();
}

/** The run no longer holds the conversation (only if it is still that run's: a newer one keeps it). */
export async function releaseFromBot(tx: Db, p: { conversationId: string; runId: string }): Promise<void> {
  await tx
    .updateTable("suite_conversations")
    .set({ bot_run_id: null })
    .where("id", "=", p.conversationId)
    .where("bot_run_id", "=", p.runId)
    .execute();
}
