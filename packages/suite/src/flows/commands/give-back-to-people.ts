import type { Db } from "@openwaba/store";
import { routeConversation } from "../../routing/assign";
import type { Suite } from "../../suite";
import { type EndRunProps, endRun } from "./end-run";

/**
 * Ends a run that is still active and gives its conversation back to people: open and held by
 * nobody, it goes to a team's queue. False when the run had ended already (someone else ended it).
 */
export async function giveBackToPeople(suite: Suite, tx: Db, p: EndRunProps): Promise<boolean> {
  if (!(await endRun(suite, tx, p))) return false;
  const c = await tx
    .selectFrom("suite_conversations")
    .select(["assignee_id", "state"])
    .where("id", "=", p.run.conversation_id)
    .executeTakeFirstOrThrow();
  if (!c.assignee_id && c.state !== "resolved")
    await routeConversation(suite, tx, { conversationId: p.run.conversation_id, text: "" });
  return true;
}
