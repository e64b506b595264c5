import type { Db } from "@openwaba/store";
import { SuiteError } from "../../errors";
import { stopBotRun } from "../../flows/flow-runs";
import { noteAssignment } from "../../people/commands/note-assignment";
import type { Suite } from "../../suite";
import { recordEvent } from "./record-event";

export interface TakeConversationProps {
  conversationId: string;
  /** Who gets it. */
  assigneeId: string;
  /** The person who gave or took it (it stops a bot); null: routing assigned it. */
  actorId: string | null;
  /** `claimed`: the agent took it themselves; `assigned`: routing or someone else gave it. */
  kind: "assigned" | "claimed";
  /** Announce the conversation now (the default), or leave it to the caller who announces it once. */
  announceConversation?: boolean;
}

/**
 * Sets the assignee only if there is none yet: of two agents claiming at the same moment, one
 * wins. Returns whether this call took it. A person who takes it stops its bot.
 */
export async function takeConversation(suite: Suite, tx: Db, p: TakeConversationProps): Promise<boolean> {
  const r = await tx
    .updateTable("suite_conversations")
    .set({ assignee_id: p.assigneeId })
    .where("id", "=", p.conversationId)
    .where("assignee_id", "is", null)
    .executeTakeFirst();
  if (!Number(r.numUpdatedRows)) return false;
  if (p.actorId)
    await stopBotRun(
      suite,
      tx,
      p.conversationId,
      p.kind === "claimed" ? "agent claimed the conversation" : "assigned by a person",
      p.actorId,
    );
  await noteAssignment(suite, tx, { userId: p.assigneeId });
  await recordEvent(suite, tx, {
    conversationId: p.conversationId,
    kind: p.kind,
    actorId: p.actorId,
    data: { assignee_id: p.assigneeId },
    announceConversation: p.announceConversation,
  });
  return true;
}

/** An agent takes an unassigned conversation; someone else was quicker: 409. */
export async function claimConversation(
  suite: Suite,
  tx: Db,
  p: { conversationId: string; userId: string },
): Promise<void> {
  const took = await takeConversation(suite, tx, {
    conversationId: p.conversationId,
    assigneeId: p.userId,
    actorId: p.userId,
    kind: "claimed",
  });
  if (!took) throw new SuiteError(409, "already_assigned", "Someone else has this conversation already.");
}
