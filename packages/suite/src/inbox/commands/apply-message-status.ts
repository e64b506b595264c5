import type { Db } from "@openwaba/store";
import { publish } from "../../realtime/commands/publish";
import type { Suite } from "../../suite";

// A sent message's ticks, from the Cloud API's statuses: at least once and in any order, so a tick
// only moves forward (a failure is final), and a tick that comes before its message is stored
// (a console send still waiting for its answer) is kept until it is.

const RANK: Record<string, number> = { accepted: 0, sent: 1, delivered: 2, read: 3, failed: 4 };
const EARLY_STATUS_MS = 3600_000;

export interface MessageStatusProps {
  messageId: string;
  /** sent, delivered, read or failed (others are ignored). */
  status: string;
  /** The failure as the timeline shows it (JSON: code, title, details), or null. */
  error: string | null;
}

/** Moves a stored outbound message's tick forward; false when the message is not (yet) stored. */
export async function applyMessageStatus(suite: Suite, tx: Db, p: MessageStatusProps): Promise<boolean> {
  const m = await tx
    .selectFrom("suite_messages")
    .innerJoin("suite_conversations", "suite_conversations.id", "suite_messages.conversation_id")
    .select([
      "suite_messages.id",
      "suite_messages.status",
      "suite_conversations.id as conversation_id",
      "suite_conversations.tenant_id",
      "suite_conversations.team_id",
      "suite_conversations.assignee_id",
    ])
    .where("suite_messages.id", "=", p.messageId)
    .where("suite_messages.direction", "=", "out")
    .executeTakeFirst();
  if (!m) return false;
  if (!(p.status in RANK) || m.status === "failed" || RANK[p.status] <= RANK[m.status]) return true;
  await tx
    .updateTable("suite_messages")
    .set({ status: p.status, error: p.error, updated_at: suite.clock.now() })
    .where("id", "=", m.id)
    .execute();
  await publish(suite, tx, {
    tenant_id: m.tenant_id,
    team_id: m.team_id,
    conversation_id: m.conversation_id,
    kind: "message.status",
    payload: {
      message_id: m.id,
      status: p.status,
      error: p.error ? JSON.parse(p.error) : null,
      assignee_id: m.assignee_id,
    },
  });
  return true;
}

/** A tick for a message a console send has not stored yet: kept for it (see `applyEarlyStatuses`). */
export async function keepEarlyStatus(suite: Suite, tx: Db, p: MessageStatusProps): Promise<void> {
  await tx
    .insertInto("suite_early_statuses")
    .values({ message_id: p.messageId, status: p.status, error: p.error, at: suite.clock.now() })
    .execute();
}

/** Ticks that came before their message was stored, applied once it is. */
export async function applyEarlyStatuses(suite: Suite, tx: Db, messageId: string): Promise<void> {
  const early = await tx.selectFrom("suite_early_statuses").selectAll().where("message_id", "=", messageId).execute();
  for (const s of early.sort((a, b) => RANK[a.status] - RANK[b.status]))
    await applyMessageStatus(suite, tx, { messageId, status: s.status, error: s.error });
  if (early.length) await tx.deleteFrom("suite_early_statuses").where("message_id", "=", messageId).execute();
}

/** Early ticks never claimed by a message (sends made outside the suite) go after an hour. */
export async function dropUnclaimedEarlyStatuses(suite: Suite, db: Db): Promise<void> {
  await db
    .deleteFrom("suite_early_statuses")
    .where("at", "<", suite.clock.now() - EARLY_STATUS_MS)
    .execute();
}
