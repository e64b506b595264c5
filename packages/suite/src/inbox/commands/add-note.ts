import type { Db } from "@openwaba/store";
import { newId } from "../../ids";
import { publish } from "../../realtime/commands/publish";
import type { Suite } from "../../suite";
import { type ConversationRow, type MessageRow, presentMessage } from "../present";

export interface AddNoteProps {
  /** The conversation it goes on. */
  conversation: Pick<ConversationRow, "id" | "tenant_id" | "team_id" | "assignee_id">;
  /** Its text: for the team, never sent to the customer. */
  body: string;
  /** Who wrote it; null: a bot (a flow's handover note). */
  author: { id: string; name: string } | null;
}

/** An internal note on the timeline, announced to the consoles that see the conversation. */
export async function addNote(suite: Suite, tx: Db, p: AddNoteProps): Promise<ReturnType<typeof presentMessage>> {
  const now = suite.clock.now();
  const row: MessageRow = {
    id: newId(),
    conversation_id: p.conversation.id,
    direction: "note",
    type: "text",
    content: JSON.stringify({ body: p.body }),
    status: "note",
    error: null,
    author_id: p.author?.id ?? null,
    context_id: null,
    at: now,
    updated_at: now,
  };
  await tx.insertInto("suite_messages").values(row).execute();
  const shown = presentMessage(row, p.author ? new Map([[p.author.id, p.author.name]]) : undefined);
  await publish(suite, tx, {
    tenant_id: p.conversation.tenant_id,
    team_id: p.conversation.team_id,
    conversation_id: p.conversation.id,
    kind: "message.created",
    payload: { message: shown, assignee_id: p.conversation.assignee_id },
  });
  return shown;
}
