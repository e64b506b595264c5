import type { ConversationState } from "@openwaba/store";
import type { Db } from "@openwaba/store";
import { routeToTeam } from "../inbox/commands/route-to-team";
import { takeConversation } from "../inbox/commands/take-conversation";
import type { Suite } from "../suite";
import { chooseAgent, type Strategy } from "./assignment";
import { withinBusinessHours, type BusinessHours } from "./business-hours";
import { languageOf } from "./language";
import { firstMatch, type RuleConditions } from "./rules";

const OPEN_STATES: ConversationState[] = ["open", "pending"];

/**
 * A new conversation (or a new cycle of one) goes to the queue of the first routing rule that
 * matches, then to an agent of that team if its strategy assigns automatically.
 */
export async function routeConversation(
  suite: Suite,
  tx: Db,
  p: {
    conversationId: string;
    /** The customer's message that opened it (rules may match its words). */
    text: string;
    /** Announce the conversation now (the default), or leave it to the caller who announces it once. */
    announceConversation?: boolean;
  },
): Promise<void> {
  const c = await tx
    .selectFrom("suite_conversations")
    .selectAll()
    .where("id", "=", p.conversationId)
    .executeTakeFirstOrThrow();
  const tenant = await tx
    .selectFrom("suite_tenants")
    .select("settings")
    .where("id", "=", c.tenant_id)
    .executeTakeFirstOrThrow();
  const hours = (JSON.parse(tenant.settings) as { business_hours?: BusinessHours }).business_hours;
  const rules = (
    await tx
      .selectFrom("suite_routing_rules")
      .selectAll()
      .where("tenant_id", "=", c.tenant_id)
      .orderBy("position")
      .execute()
  ).map((r) => ({ ...r, conditions: JSON.parse(r.conditions) as RuleConditions }));
  const rule = firstMatch(rules, {
    phoneNumberId: c.phone_number_id,
    text: p.text,
    labels: JSON.parse(c.labels),
    language: languageOf(c.wa_id),
    insideBusinessHours: withinBusinessHours(hours, suite.clock.now()),
  });
  if (rule && rule.team_id !== c.team_id)
    await routeToTeam(suite, tx, {
      conversationId: c.id,
      teamId: rule.team_id,
      rule: rule.name,
      announceConversation: p.announceConversation,
    });
  await autoAssign(suite, tx, { conversationId: c.id, announceConversation: p.announceConversation });
}

/** Gives an unassigned conversation to an agent of its team, if the team's strategy and its agents allow. */
export async function autoAssign(
  suite: Suite,
  tx: Db,
  p: { conversationId: string; announceConversation?: boolean },
): Promise<string | null> {
  const c = await tx
    .selectFrom("suite_conversations")
    .select(["id", "team_id", "assignee_id", "state", "bot_run_id"])
    .where("id", "=", p.conversationId)
    .executeTakeFirstOrThrow();
  // A bot is talking: people get the conversation when it hands over.
  if (c.assignee_id || !c.team_id || c.bot_run_id || !OPEN_STATES.includes(c.state)) return null;
  const team = await tx
    .selectFrom("suite_teams")
    .select(["assignment"])
    .where("id", "=", c.team_id)
    .executeTakeFirstOrThrow();
  const members = await tx
    .selectFrom("suite_team_members")
    .innerJoin("suite_users", "suite_users.id", "suite_team_members.user_id")
    .select(["suite_users.id", "suite_users.availability", "suite_users.capacity", "suite_users.last_assigned_at"])
    .where("suite_team_members.team_id", "=", c.team_id)
    .where("suite_users.status", "=", "active")
    .execute();
  if (!members.length) return null;
  const loads = await tx
    .selectFrom("suite_conversations")
    .select(["assignee_id"])
    .select((e) => e.fn.countAll<number>().as("n"))
    .where(
      "assignee_id",
      "in",
      members.map((m) => m.id),
    )
    .where("state", "in", OPEN_STATES)
    .groupBy("assignee_id")
    .execute();
  const open = new Map(loads.map((l) => [l.assignee_id, Number(l.n)]));
  const agent = chooseAgent(
    team.assignment as Strategy,
    members.map((m) => ({
      id: m.id,
      availability: m.availability,
      capacity: m.capacity,
      lastAssignedAt: m.last_assigned_at,
      open: open.get(m.id) ?? 0,
    })),
  );
  if (!agent) return null;
  const took = await takeConversation(suite, tx, {
    conversationId: c.id,
    assigneeId: agent,
    actorId: null,
    kind: "assigned",
    announceConversation: p.announceConversation,
  });
  return took ? agent : null;
}

/** Waiting conversations of the tenant's queues go to agents with room (an agent came online, or freed a place). */
export async function drainQueues(suite: Suite, tx: Db, tenantId: string): Promise<void> {
  const waiting = await tx
    .selectFrom("suite_conversations")
    .select("id")
    .where("tenant_id", "=", tenantId)
    .where("assignee_id", "is", null)
    .where("team_id", "is not", null)
    .where("bot_run_id", "is", null)
    .where("state", "in", OPEN_STATES)
    .orderBy("cycle_opened_at")
    .limit(200)
    .execute();
  for (const w of waiting) await autoAssign(suite, tx, { conversationId: w.id });
}
