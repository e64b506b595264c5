import type { Db } from "@openwaba/store";
import { stopBotRun } from "../../flows/flow-runs";
import { noteAssignment } from "../../people/commands/note-assignment";
import { autoAssign } from "../../routing/assign";
import type { Suite } from "../../suite";
import { recordEvent } from "./record-event";

export interface TransferConversationProps {
  conversationId: string;
  /** The new assignee; null: back to the team's queue (and routing may assign it again). */
  assigneeId?: string | null;
  /** The new team; null: no team's queue. */
  teamId?: string | null;
  /** The person transferring it (it stops a bot). */
  actorId: string;
}

/** Moves a conversation to another agent and/or team's queue. */
export async function transferConversation(suite: Suite, tx: Db, p: TransferConversationProps): Promise<void> {
  const set: { assignee_id?: string | null; team_id?: string | null } = {};
  if (p.assigneeId !== undefined) set.assignee_id = p.assigneeId;
  if (p.teamId !== undefined) set.team_id = p.teamId;
  await tx.updateTable("suite_conversations").set(set).where("id", "=", p.conversationId).execute();
  await stopBotRun(suite, tx, p.conversationId, "transferred by a person", p.actorId);
  if (p.assigneeId) await noteAssignment(suite, tx, { userId: p.assigneeId });
  await recordEvent(suite, tx, {
    conversationId: p.conversationId,
    kind: "transferred",
    actorId: p.actorId,
    data: set,
  });
  if (p.assigneeId === null) await autoAssign(suite, tx, { conversationId: p.conversationId });
}
