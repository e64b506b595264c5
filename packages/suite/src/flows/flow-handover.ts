import type { Db } from "@openwaba/store";
import { addNote } from "../inbox/commands/add-note";
import { moveConversation } from "../inbox/commands/move-conversation";
import { reopenConversation } from "../inbox/commands/reopen-conversation";
import { routeToTeam } from "../inbox/commands/route-to-team";
import type { ConversationRow } from "../inbox/present";
import { tenantTeam } from "../people/tenant-team";
import { autoAssign, routeConversation } from "../routing/assign";
import type { Suite } from "../suite";

// A bot handing its conversation to people, once its run has ended (in that transaction): through
// the inbox's own commands, as a person's change would be, so the timeline and consoles hear of it.

export interface HandToPeopleProps {
  /** The conversation, read in this transaction. */
  conversation: ConversationRow;
  /** What the customer is told, when telling them failed for a moment: sent as soon as it can be. */
  noticeLater: string | null;
  /** The note for the team on the timeline (filled in already); none: no note. */
  note: string | null;
  /** The team the flow names; a team that is not (or no longer) the tenant's: the routing rules decide. */
  teamId: string | undefined;
  /** The flow's name, shown as the routing rule that chose the team. */
  flowName: string;
  /** The customer's last answer, which the routing rules read when no team is named. */
  lastReply: string;
}

/**
 * People take it from here: a closed or snoozed conversation is open again (a resolved one as a
 * new cycle), it goes to a team's queue, and the note is on the timeline.
 */
export async function handToPeople(suite: Suite, tx: Db, p: HandToPeopleProps): Promise<void> {
  const c = p.conversation;
  if (p.noticeLater)
    await suite.jobs.enqueue(
      tx,
      "flow.notice",
      { conversationId: c.id, text: p.noticeLater, reason: "handover" },
      { key: c.id, runAt: suite.clock.now() },
    );
  if (c.state === "resolved") await reopenConversation(suite, tx, { conversation: c, actorId: null });
  else if (c.state === "snoozed") await moveConversation(suite, tx, { conversation: c, to: "open", actorId: null });
  const known = p.teamId ? await tenantTeam(tx, { tenantId: c.tenant_id, teamId: p.teamId }) : null;
  if (known) {
    await routeToTeam(suite, tx, { conversationId: c.id, teamId: known.id, rule: `flow: ${p.flowName}` });
    await autoAssign(suite, tx, { conversationId: c.id });
  } else {
    await routeConversation(suite, tx, { conversationId: c.id, text: p.lastReply });
  }
  // The note is announced to the consoles of the team it went to, as it is now.
  if (p.note) {
    const routed = await tx
      .selectFrom("suite_conversations")
      .selectAll()
      .where("id", "=", c.id)
      .executeTakeFirstOrThrow();
    await addNote(suite, tx, { conversation: routed, body: p.note, author: null });
  }
}
