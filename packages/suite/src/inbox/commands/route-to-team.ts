import type { Db } from "@openwaba/store";
import type { Suite } from "../../suite";
import { recordEvent } from "./record-event";

export interface RouteToTeamProps {
  conversationId: string;
  /** The team whose queue it goes to (the caller has checked it is the tenant's). */
  teamId: string;
  /** Why, as the timeline shows it: the routing rule's name, or `flow: <name>` for a bot's handover. */
  rule: string;
  /** Announce the conversation now (the default), or leave it to the caller who announces it once. */
  announceConversation?: boolean;
}

/** Puts a conversation in a team's queue, with a `routed` event on its timeline. */
export async function routeToTeam(suite: Suite, tx: Db, p: RouteToTeamProps): Promise<void> {
  await tx.updateTable("suite_conversations").set({ team_id: p.teamId }).where("id", "=", p.conversationId).execute();
  await recordEvent(suite, tx, {
    conversationId: p.conversationId,
    kind: "routed",
    actorId: null,
    data: { team_id: p.teamId, rule: p.rule },
    announceConversation: p.announceConversation,
  });
}
