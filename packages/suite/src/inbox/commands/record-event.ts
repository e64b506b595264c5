import type { Db } from "@openwaba/store";
import { newId } from "../../ids";
import { publish } from "../../realtime/commands/publish";
import type { Suite } from "../../suite";
import { presentEvent } from "../present";
import { announceConversation } from "./announce-conversation";

export interface RecordEventProps {
  conversationId: string;
  /** What happened: assigned, transferred, resolved, reopened, routed, bot_started, … */
  kind: string;
  /** Who did it; null: the suite itself (routing, a bot, a timer). */
  actorId: string | null;
  /** What the timeline shows of it. */
  data?: Record<string, unknown>;
  /**
   * Announce the conversation's new state with the event (the default), or leave that to the
   * caller, who announces it once after several changes (a new conversation routed and assigned).
   */
  announceConversation?: boolean;
}

/** A timeline event, stored and announced to the consoles (in the caller's transaction). */
export async function recordEvent(suite: Suite, tx: Db, p: RecordEventProps): Promise<void> {
  const at = suite.clock.now();
  const id = newId();
  const data = p.data ?? {};
  await tx
    .insertInto("suite_conversation_events")
    .values({
      id,
      conversation_id: p.conversationId,
      kind: p.kind,
      actor_id: p.actorId,
      data: JSON.stringify(data),
      at,
    })
    .execute();
  const c =
    p.announceConversation === false
      ? await tx
          .selectFrom("suite_conversations")
          .selectAll()
          .where("id", "=", p.conversationId)
          .executeTakeFirstOrThrow()
      : await announceConversation(suite, tx, p.conversationId);
  await publish(suite, tx, {
    tenant_id: c.tenant_id,
    team_id: c.team_id,
    conversation_id: c.id,
    kind: "timeline.event",
    payload: {
      event: presentEvent({ id, kind: p.kind, actor_id: p.actorId, data, at }),
      assignee_id: c.assignee_id,
    },
  });
}
