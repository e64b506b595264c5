import type { Db } from "@openwaba/store";
import type { SuiteUser } from "../auth/sessions";
import { canSeeConversation } from "../auth/policies";
import { notFound } from "../errors";
import type { ConversationRow } from "./present";

export async function teamIdsOf(db: Db, userId: string): Promise<string[]> {
  return (await db.selectFrom("suite_team_members").select("team_id").where("user_id", "=", userId).execute()).map(
    (t) => t.team_id,
  );
}

/** A conversation of the user's tenant that the user may see, or 404 (another's looks like none). */
export async function visibleConversation(db: Db, user: SuiteUser, id: string): Promise<ConversationRow> {
  const c = await db
    .selectFrom("suite_conversations")
    .selectAll()
    .where("id", "=", id)
    .where("tenant_id", "=", user.tenant_id)
    .executeTakeFirst();
  if (!c || !canSeeConversation({ id: user.id, role: user.role, teamIds: await teamIdsOf(db, user.id) }, c))
    throw notFound("Conversation");
  return c;
}
