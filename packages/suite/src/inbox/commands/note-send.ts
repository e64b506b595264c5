import type { Db } from "@openwaba/store";

/**
 * A send to the conversation's customer is under way until `until`: ticks for a message not yet
 * stored are kept for it meanwhile (the Cloud API may report them before it answers the send).
 */
export async function expectSend(tx: Db, p: { conversationId: string; until: number }): Promise<void> {
  await tx
    .updateTable("suite_conversations")
    .set({ sending_until: p.until })
    .where("id", "=", p.conversationId)
    .execute();
}

/** The first answer of a person in this cycle (the reports' first-response time); later ones change nothing. */
export async function noteFirstResponse(tx: Db, p: { conversationId: string; at: number }): Promise<void> {
  await tx
    .updateTable("suite_conversations")
    .set({ first_response_at: p.at })
    .where("id", "=", p.conversationId)
    .where("first_response_at", "is", null)
    .execute();
}
