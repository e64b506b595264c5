import type { Db } from "@openwaba/store";
import { SuiteError } from "../../errors";
import type { Suite } from "../../suite";
import { type ConversationState, canMove } from "../conversation-state";
import type { ConversationRow } from "../present";
import { recordEvent } from "./record-event";

export interface MoveConversationProps {
  /** The conversation as it was read: it moves only from that state. */
  conversation: Pick<ConversationRow, "id" | "state">;
  /** open, pending or snoozed (resolving and reopening are their own commands: cycles and reports). */
  to: Exclude<ConversationState, "resolved">;
  /** With `snoozed`: when it wakes (a time in the future). */
  snoozedUntil?: number;
  /** Who moved it; null: the suite (a snooze that ended, a bot handing over). */
  actorId: string | null;
  /** The timeline's name for the move (default: the new state; a snooze that ends is "woke"). */
  event?: string;
}

/**
 * Moves a conversation between open, pending and snoozed, as the state machine allows
 * (conversation-state.ts), only from the state it was read in: of two people changing it at once,
 * one does it. False when it changed meanwhile; a move the machine forbids is refused.
 */
export async function moveConversation(suite: Suite, tx: Db, p: MoveConversationProps): Promise<boolean> {
  const from = p.conversation.state;
  if (from === "resolved" || !canMove(from, p.to))
    throw new SuiteError(409, "invalid_transition", `A ${from} conversation cannot become ${p.to}.`);
  if (p.to === "snoozed" && !(p.snoozedUntil && p.snoozedUntil > suite.clock.now()))
    throw new SuiteError(400, "invalid_request", "snoozed_until: snoozing needs a time in the future.", {
      field: "snoozed_until",
    });
  const until = p.to === "snoozed" ? (p.snoozedUntil ?? null) : null;
  const moved = await tx
    .updateTable("suite_conversations")
    .set({ state: p.to, snoozed_until: until, resolved_at: null })
    .where("id", "=", p.conversation.id)
    .where("state", "=", from)
    .executeTakeFirst();
  if (!Number(moved.numUpdatedRows)) return false;
  await recordEvent(suite, tx, {
    conversationId: p.conversation.id,
    kind: p.event ?? p.to,
    actorId: p.actorId,
    data: until !== null ? { snoozed_until: new Date(until).toISOString() } : {},
  });
  return true;
}
