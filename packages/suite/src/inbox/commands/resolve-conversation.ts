import type { Db } from "@openwaba/store";
import { newId } from "../../ids";
import { emitBusinessEvent } from "../../outbound/business-events";
import { drainQueues } from "../../routing/assign";
import type { Suite } from "../../suite";
import { type ConversationRow, iso } from "../present";
import { recordEvent } from "./record-event";

export interface ResolveConversationProps {
  /** The conversation as it was read: it is resolved only if it is still in that state. */
  conversation: ConversationRow;
  /** Who resolved it; null: a flow that finished. */
  actorId: string | null;
  /** The customer's satisfaction score (1–5) given with the resolution, if any. */
  csat: number | null;
}

/**
 * Resolves a conversation (an agent, or a flow that finished): the cycle is kept for the reports
 * with its CSAT, the business's systems hear of it, and the agent is free for the next one
 * waiting. False when it changed meanwhile (of two resolving at once, one does it).
 */
export async function resolveConversation(suite: Suite, tx: Db, p: ResolveConversationProps): Promise<boolean> {
  const c = p.conversation;
  const now = suite.clock.now();
  const moved = await tx
    .updateTable("suite_conversations")
    .set({ state: "resolved", snoozed_until: null, resolved_at: now })
    .where("id", "=", c.id)
    .where("state", "=", c.state)
    .executeTakeFirst();
  if (!Number(moved.numUpdatedRows)) return false;
  await tx
    .insertInto("suite_cycles")
    .values({
      id: newId(),
      conversation_id: c.id,
      tenant_id: c.tenant_id,
      team_id: c.team_id,
      agent_id: c.assignee_id,
      opened_at: c.cycle_opened_at,
      first_response_at: c.first_response_at,
      resolved_at: now,
      csat: p.csat,
    })
    .execute();
  await emitBusinessEvent(suite, tx, c.tenant_id, "conversation.resolved", {
    conversation_id: c.id,
    wa_id: c.wa_id,
    phone_number_id: c.phone_number_id,
    agent_id: c.assignee_id,
    team_id: c.team_id,
    opened_at: iso(c.cycle_opened_at),
    first_response_at: iso(c.first_response_at),
    resolved_at: iso(now),
    csat: p.csat,
  });
  if (p.csat)
    await emitBusinessEvent(suite, tx, c.tenant_id, "csat.received", {
      conversation_id: c.id,
      wa_id: c.wa_id,
      score: p.csat,
      agent_id: c.assignee_id,
    });
  await recordEvent(suite, tx, {
    conversationId: c.id,
    kind: "resolved",
    actorId: p.actorId,
    data: p.csat ? { csat: p.csat } : {},
  });
  await drainQueues(suite, tx, c.tenant_id);
  return true;
}
