import type { Db } from "@openwaba/store";
import { newId } from "../ids";
import { emitBusinessEvent } from "../outbound/business-events";
import { drainQueues } from "../routing/assign";
import type { Suite } from "../suite";
import { recordEvent } from "./conversation-events";
import { iso, type ConversationRow } from "./present";

/**
 * Resolves a conversation as it was read (an agent, or a flow that finished): the cycle is kept for
 * the reports with its CSAT, the business's systems hear of it, and the agent is free for the next
 * one waiting. False when it changed meanwhile (of two resolving at once, one does it).
 */
export async function resolveConversation(
  suite: Suite,
  tx: Db,
  c: ConversationRow,
  actorId: string | null,
  csat: number | null,
): Promise<boolean> {
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
      csat,
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
    csat,
  });
  if (csat)
    await emitBusinessEvent(suite, tx, c.tenant_id, "csat.received", {
      conversation_id: c.id,
      wa_id: c.wa_id,
      score: csat,
      agent_id: c.assignee_id,
    });
  await recordEvent(suite, tx, c.id, "resolved", actorId, csat ? { csat } : {});
  await drainQueues(suite, tx, c.tenant_id);
  return true;
}

/** A satisfaction score given after the conversation was resolved (a survey): it goes to the last cycle. */
export async function rateLastCycle(suite: Suite, tx: Db, c: ConversationRow, score: number): Promise<void> {
  const last = await tx
    .selectFrom("suite_cycles")
    .select(["id", "agent_id"])
    .where("conversation_id", "=", c.id)
    .orderBy("resolved_at", "desc")
    .limit(1)
    .executeTakeFirst();
  if (!last) return;
  await tx.updateTable("suite_cycles").set({ csat: score }).where("id", "=", last.id).execute();
  await emitBusinessEvent(suite, tx, c.tenant_id, "csat.received", {
    conversation_id: c.id,
    wa_id: c.wa_id,
    score,
    agent_id: last.agent_id,
  });
  await recordEvent(suite, tx, c.id, "csat_received", null, { csat: score });
}

/**
 * Opens a resolved conversation again as a new cycle (its own first-response clock), as it was
 * read: false when it changed meanwhile. An agent reopening it, or writing to the customer anew.
 */
export async function reopenConversation(
  suite: Suite,
  tx: Db,
  c: ConversationRow,
  actorId: string | null,
  quiet = false,
): Promise<boolean> {
  const now = suite.clock.now();
  const moved = await tx
    .updateTable("suite_conversations")
    .set({ state: "open", snoozed_until: null, resolved_at: null, cycle_opened_at: now, first_response_at: null })
    .where("id", "=", c.id)
    .where("state", "=", "resolved")
    .executeTakeFirst();
  if (!Number(moved.numUpdatedRows)) return false;
  await recordEvent(suite, tx, c.id, "reopened", actorId, {}, quiet);
  return true;
}
