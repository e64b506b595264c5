import type { FastifyInstance } from "fastify";
import { z } from "zod";
import { requireUser } from "../auth/sessions";
import { PlatformCallError } from "../client/platform-client";
import { SuiteError, parseBody } from "../errors";
import type { Suite } from "../suite";
import { groupCycles, toCsv, type Cycle } from "./metrics";

const DAY = 86_400_000;
const query = z.strictObject({
  from: z.iso.date().optional(), to: z.iso.date().optional(),
  group: z.enum(["day", "agent", "team"]).default("day"), format: z.enum(["json", "csv"]).default("json"),
});

/**
 * Supervision: the live state of the queues and agents, and reports over days by day, agent or
 * team (volume, first response, resolution, CSAT, messages by status, cost by category from the
 * Cloud API's pricing analytics), as JSON or CSV.
 */
export function registerReportRoutes(app: FastifyInstance, suite: Suite): void {
  app.get("/suite/api/reports/live", async (req, reply) => {
    const { user } = await requireUser(suite, req, ["admin", "supervisor"]);
    const now = suite.clock.now();
    const open = await suite.db.selectFrom("suite_conversations").select(["team_id", "assignee_id", "cycle_opened_at", "first_response_at"])
      .where("tenant_id", "=", user.tenant_id).where("state", "in", ["open", "pending"]).execute();
    const teams = await suite.db.selectFrom("suite_teams").select(["id", "name"]).where("tenant_id", "=", user.tenant_id).orderBy("name").execute();
    const agents = await suite.db.selectFrom("suite_users").select(["id", "name", "availability", "capacity", "role"]).where("tenant_id", "=", user.tenant_id).where("status", "=", "active").orderBy("name").execute();
    const queue = (teamId: string | null) => {
      const waiting = open.filter((c) => c.team_id === teamId && !c.assignee_id);
      return { waiting: waiting.length, open: open.filter((c) => c.team_id === teamId).length, oldest_waiting_s: waiting.length ? Math.round((now - Math.min(...waiting.map((c) => c.cycle_opened_at))) / 1000) : null };
    };
    return reply.send({
      at: new Date(now).toISOString(),
      queues: [...teams.map((t) => ({ team_id: t.id, name: t.name, ...queue(t.id) })), { team_id: null, name: "No team", ...queue(null) }],
      agents: agents.map((a) => ({ ...a, open: open.filter((c) => c.assignee_id === a.id).length, awaiting_first_response: open.filter((c) => c.assignee_id === a.id && !c.first_response_at).length })),
    });
  });

  app.get<{ Querystring: Record<string, string> }>("/suite/api/reports", async (req, reply) => {
    const { user } = await requireUser(suite, req, ["admin", "supervisor"]);
    const q = parseBody(query, req.query);
    const now = suite.clock.now();
    const to = q.to ? Date.parse(q.to) + DAY : Math.floor(now / DAY) * DAY + DAY;
    const from = q.from ? Date.parse(q.from) : to - 7 * DAY;
    if (from >= to || to - from > 366 * DAY) throw new SuiteError(400, "invalid_request", "from must be before to, at most a year apart.", { field: "from" });
    const resolved = await suite.db.selectFrom("suite_cycles").select(["opened_at", "first_response_at", "resolved_at", "agent_id", "team_id", "csat"])
      .where("tenant_id", "=", user.tenant_id).where("opened_at", ">=", from).where("opened_at", "<", to).execute();
    const current = await suite.db.selectFrom("suite_conversations").select(["cycle_opened_at as opened_at", "first_response_at", "assignee_id as agent_id", "team_id"])
      .where("tenant_id", "=", user.tenant_id).where("state", "!=", "resolved").where("cycle_opened_at", ">=", from).where("cycle_opened_at", "<", to).execute();
    const cycles: Cycle[] = [...resolved, ...current.map((c) => ({ ...c, resolved_at: null, csat: null }))];
    let rows = groupCycles(cycles, q.group);
    if (q.group !== "day") {
      const names = new Map((await suite.db.selectFrom(q.group === "agent" ? "suite_users" : "suite_teams").select(["id", "name"]).where("tenant_id", "=", user.tenant_id).execute()).map((r) => [r.id, r.name]));
      rows = rows.map((r) => ({ ...r, key: names.get(r.key) ?? r.key }));
    }
    const statuses = await suite.db.selectFrom("suite_messages").innerJoin("suite_conversations", "suite_conversations.id", "suite_messages.conversation_id")
      .select(["suite_messages.status"]).select((e) => e.fn.countAll<number>().as("n"))
      .where("suite_conversations.tenant_id", "=", user.tenant_id).where("suite_messages.direction", "=", "out")
      .where("suite_messages.at", ">=", from).where("suite_messages.at", "<", to).groupBy("suite_messages.status").execute();
    if (q.format === "csv") {
      return reply.type("text/csv; charset=utf-8").header("content-disposition", `attachment; filename="report-${q.group}.csv"`).send(toCsv(rows as unknown as Record<string, unknown>[]));
    }
    return reply.send({
      from: new Date(from).toISOString(), to: new Date(to).toISOString(), group: q.group, rows,
      messages_by_status: Object.fromEntries(statuses.map((s) => [s.status, Number(s.n)])),
      cost_by_category: await cost(suite, user.tenant_id, from, to),
    });
  });
}

async function cost(suite: Suite, tenantId: string, from: number, to: number): Promise<Record<string, number> | null> {
  const out: Record<string, number> = {};
  for (const c of await suite.db.selectFrom("suite_connections").select(["id", "waba_id"]).where("tenant_id", "=", tenantId).execute()) {
    try {
      for (const [k, v] of Object.entries(await (await suite.client(c.id)).costByCategory(c.waba_id, Math.floor(from / 1000), Math.floor(to / 1000)))) out[k] = (out[k] ?? 0) + v;
    } catch (err) {
      if (err instanceof PlatformCallError) { suite.log.warn({ err: err.message }, "pricing analytics unavailable"); return null; }
      throw err;
    }
  }
  return out;
}
