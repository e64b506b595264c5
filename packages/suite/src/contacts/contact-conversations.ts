import type { Db } from "@openwaba/store";
import type { SuiteUser } from "../auth/sessions";
import { iso } from "../inbox/present";
import { teamIdsOf } from "../inbox/visible-conversation";
import { canSeeConversation } from "../auth/policies";

/**
 * A contact's conversations (one per business number) that the user may see, the latest first:
 * the profile lists them, and "Message this contact" opens the latest.
 */
export async function contactConversations(db: Db, user: SuiteUser, waId: string) {
  const rows = await db
    .selectFrom("suite_conversations")
    .select(["id", "phone_number_id", "state", "assignee_id", "team_id", "last_message_at"])
    .where("tenant_id", "=", user.tenant_id)
    .where("wa_id", "=", waId)
    .orderBy("last_message_at", "desc")
    .execute();
  const viewer = { id: user.id, role: user.role, teamIds: await teamIdsOf(db, user.id) };
  return rows
    .filter((c) => canSeeConversation(viewer, c))
    .map((c) => ({ ...c, last_message_at: iso(c.last_message_at) }));
}
