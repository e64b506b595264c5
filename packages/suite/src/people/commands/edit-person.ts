import type { Db, UserRole } from "@openwaba/store";
import { closeSessionsOf } from "../../auth/commands/sessions";
import type { SuiteUser } from "../../auth/sessions";
import { transferConversation } from "../../inbox/commands/transfer-conversation";
import type { Suite } from "../../suite";

export interface EditPersonProps {
  /** The person changed (of the actor's tenant; the policy has allowed the change). */
  personId: string;
  /** The fields given; the others stay. */
  change: { name?: string; role?: UserRole; status?: "active" | "disabled"; capacity?: number };
  /** Who changes it: a disabled person's conversations are transferred by them. */
  actorId: string;
}

/**
 * Changes a person. Someone disabled takes nothing with them: their sessions end and their open
 * conversations go back to the queues. Returns the person as they are now.
 */
export async function editPerson(suite: Suite, tx: Db, p: EditPersonProps): Promise<SuiteUser> {
  await tx.updateTable("suite_users").set(p.change).where("id", "=", p.personId).execute();
  if (p.change.status === "disabled") {
    await closeSessionsOf(tx, { userId: p.personId });
    const held = await tx
      .selectFrom("suite_conversations")
      .select("id")
      .where("assignee_id", "=", p.personId)
      .where("state", "!=", "resolved")
      .execute();
    for (const c of held)
      await transferConversation(suite, tx, { conversationId: c.id, assigneeId: null, actorId: p.actorId });
  }
  return tx.selectFrom("suite_users").selectAll().where("id", "=", p.personId).executeTakeFirstOrThrow();
}
