import type { Db } from "@openwaba/store";
import { SuiteError } from "../errors";
import { recordEvent } from "../inbox/conversation-events";
import type { Suite } from "../suite";
import { chooseAgent, type Strategy } from "./assignment";
import { withinBusinessHours, type BusinessHours } from "./business-hours";
import { languageOf } from "./language";
import { firstMatch, type RuleConditions } from "./rules";
import { stopBotRun } from "../flows/flow-runs";

const OPEN_STATES = ["open", "pending"];

/**
 * A new conversation (or a new cycle of one) goes to the queue of the first routing rule that
 * matches, then to an agent of that team if its strategy assigns automatically.
 */
export async function routeConversation(
  suite: Suite,
  tx: Db,
  conversationId: string,
  text: string,
  quiet = false,
): Promise<void> {
  const c = await tx
    .selectFrom("suite_conversations")
    .selectAll()
    .where("id", "=", conversationId)
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
    text,
    labels: JSON.parse(c.labels),
    language: languageOf(c.wa_id),
    insideBusinessHours: withinBusinessHours(hours, suite.clock.now()),
  });
  if (rule && rule.team_id !== c.team_id) {
    await tx.updateTable("suite_conversations").set({ team_id: rule.team_id }).where("id", "=", c.id).execute();
    await recordEvent(suite, tx, c.id, "routed", null, { team_id: rule.team_id, rule: rule.name }, quiet);
  }
  await autoAssign(suite, tx, c.id, quiet);
}

/** Gives an unassigned conversation to an agent of its team, if the team's strategy and its agents allow. */
export async function autoAssign(suite: Suite, tx: Db, conversationId: string, quiet = false): Promise<string | null> {
  const c = await tx
    .selectFrom("suite_conversations")
    .select(["id", "team_id", "assignee_id", "state", "bot_run_id"])
    .where("id", "=", conversationId)
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
  return (await takeConversation(suite, tx, c.id, agent, null, "assigned", quiet)) ? agent : null;
}

/**
 * Sets the assignee only if there is none yet: of two agents claiming at the same moment, one
 * wins and the other is told so. Returns whether this call took it.
 */
export async function takeConversation(
  suite: Suite,
  tx: Db,
  conversationId: string,
  userId: string,
  actorId: string | null,
  kind: "assigned" | "claimed",
  quiet = false,
): Promise<boolean> {
  const r = await tx
    .updateTable("suite_conversations")
    .set({ assignee_id: userId })
    .where("id", "=", conversationId)
    .where("assignee_id", "is", null)
    .executeTakeFirst();
  if (!Number(r.numUpdatedRows)) return false;
  // A person who takes the conversation stops its bot.
  if (actorId)
    await stopBotRun(
      suite,
      tx,
      conversationId,
      kind === "claimed" ? "agent claimed the conversation" : "assigned by a person",
      actorId,
    );
  await tx.updateTable("suite_users").set({ last_assigned_at: suite.clock.now() }).where("id", "=", userId).execute();
  await recordEvent(suite, tx, conversationId, kind, actorId, { assignee_id: userId }, quiet);
  return true;
}

export async function claimConversation(suite: Suite, tx: Db, conversationId: string, userId: string): Promise<void> {
  if (!(await takeConversation(suite, tx, conversationId, userId, userId, "claimed"))) {
    throw new SuiteError(409, "already_assigned", "Someone else has this conversation already.");
  }
}

/** Moves a conversation to another agent and/or team's queue (null assignee: back to the queue). */
export async function transferConversation(
  suite: Suite,
  tx: Db,
  conversationId: string,
  to: { assignee_id?: string | null; team_id?: string | null },
  actorId: string,
): Promise<void> {
  const set: { assignee_id?: string | null; team_id?: string | null } = {};
  if (to.assignee_id !== undefined) set.assignee_id = to.assignee_id;
  if (to.team_id !== undefined) set.team_id = to.team_id;
  await tx.updateTable("suite_conversations").set(set).where("id", "=", conversationId).execute();
  await stopBotRun(suite, tx, conversationId, "transferred by a person", actorId);
  if (to.assignee_id)
    await tx
      .updateTable("suite_users")
      .set({ last_assigned_at: suite.clock.now() })
      .where("id", "=", to.assignee_id)
      .execute();
  await recordEvent(suite, tx, conversationId, "transferred", actorId, set);
  if (to.assignee_id === null) await autoAssign(suite, tx, conversationId);
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
  for (const w of waiting) await autoAssign(suite, tx, w.id);
}
