import type { Db } from "@openwaba/store";
import { SuiteError } from "../../errors";
import { startResolvedFlow, stopBotRun } from "../../flows/flow-runs";
import type { Suite } from "../../suite";
import { type ConversationState, canMove } from "../conversation-state";
import type { ConversationRow } from "../present";
import { moveConversation } from "./move-conversation";
import { reopenConversation } from "./reopen-conversation";
import { resolveConversation } from "./resolve-conversation";

export interface ChangeConversationStateProps {
  /** The conversation as it was read: the change applies only if nobody changed it meanwhile. */
  conversation: ConversationRow;
  to: ConversationState;
  /** With `snoozed`: when it wakes. */
  snoozedUntil?: number;
  /** With `resolved`: the customer's satisfaction score, if the agent recorded one. */
  csat?: number;
  /** The person changing it. */
  actorId: string;
}

const changedMeanwhile = () =>
  new SuiteError(409, "invalid_transition", "The conversation changed meanwhile; look again.");

/**
 * A person sets a conversation's state, as the state machine allows: resolving ends any bot run
 * and starts the tenant's "conversation resolved" flow; a resolved conversation can only be
 * reopened, as a new cycle; the rest are moves between open, pending and snoozed.
 */
export async function changeConversationState(suite: Suite, tx: Db, p: ChangeConversationStateProps): Promise<void> {
  const c = p.conversation;
  if (!canMove(c.state, p.to))
    throw new SuiteError(409, "invalid_transition", `A ${c.state} conversation cannot become ${p.to}.`);
  if (p.to === "resolved") {
    if (!(await resolveConversation(suite, tx, { conversation: c, actorId: p.actorId, csat: p.csat ?? null })))
      throw changedMeanwhile();
    await stopBotRun(suite, tx, c.id, "resolved", p.actorId);
    await startResolvedFlow(suite, tx, c.id);
    return;
  }
  if (c.state === "resolved") {
    if (!(await reopenConversation(suite, tx, { conversation: c, actorId: p.actorId }))) throw changedMeanwhile();
    return;
  }
  const moved = await moveConversation(suite, tx, {
    conversation: c,
    to: p.to,
    snoozedUntil: p.snoozedUntil,
    actorId: p.actorId,
  });
  if (!moved) throw changedMeanwhile();
}
