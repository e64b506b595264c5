import { GraphError, unknownObject, type MarkReadRequest } from "@openwaba/contracts";
import type { PhoneNumber } from "../directory";
import { QUEUES, type Platform } from "../platform";

/**
 * Mark as read (+ typing indicator): the message and every earlier one from that user count as
 * read; the user's phone hears of it through the network. No webhook (§10b), idempotent.
 */
export async function markRead(platform: Platform, phone: PhoneNumber, req: MarkReadRequest): Promise<void> {
  const m = await platform.db
    .selectFrom("messages")
    .select(["id", "wa_id", "direction", "created_at"])
    .where("id", "=", req.messageId)
    .where("phone_number_id", "=", phone.id)
    .executeTakeFirst();
  if (!m) throw unknownObject(req.messageId, "POST");
  if (m.direction !== "in")
    throw new GraphError(
      100,
      `Param message_id must be a message received by this number; ${req.messageId} was sent by it.`,
    );
  const now = platform.clock.now();
  await platform.db.transaction().execute(async (tx) => {
    await tx
      .updateTable("messages")
      .set({ status: "read", updated_at: now })
      .where("phone_number_id", "=", phone.id)
      .where("wa_id", "=", m.wa_id)
      .where("direction", "=", "in")
      .where("created_at", "<=", m.created_at)
      .where("status", "!=", "read")
      .execute();
    await platform.jobs.enqueue(
      tx,
      "network.read_receipt",
      { phoneNumberId: phone.id, waId: m.wa_id, messageId: m.id, typing: req.typing },
      { key: `${phone.id}|${m.wa_id}`, runAt: now },
    );
  });
  platform.wake(QUEUES.network);
}
