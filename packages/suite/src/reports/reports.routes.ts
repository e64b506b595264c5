import type { FastifyInstance } from "fastify";
import { reportQuery } from "@openwaba/contracts/suite";
import { requireUser } from "../auth/sessions";
import { PlatformCallError } from "../client/platform-client";
import { SuiteError, parseBody } from "../errors";
import type { Suite } from "../suite";
import type { BusinessHours } from "../routing/business-hours";
import { groupCycles, toCsv, type Cycle } from "./metrics";
import { reportRange } from "./report-range";

/**
 * Supervision: the live state of the queues and agents, and reports over days (a preset or from
 * and to, days in the tenant's time zone) by day, agent or team (volume, first response,
 * resolution, CSAT, messages by status, cost by category in the WABA's currency from the Cloud
 * API), as JSON or CSV.
 */
export function registerReportRoutes(app: FastifyInstance, suite: Suite): void {
  app.get("/suite/api/reports/live", async (req, reply) => {
    const { user } = await requireUser(suite, req, "reports.read");
    const now = suite.clock.now();
    const open = await suite.db
      .selectFrom("suite_conversations")
      .select(["team_id", "assignee_id", "cycle_opened_at", "first_response_at"])
      .where("tenant_id", "=", user.tenant_id)
      .where("state", "in", ["open", "pending"])
      .execute();
    const teams = await suite.db
      .selectFrom("suite_teams")
      .select(["id", "name"])
      .where("tenant_id", "=", user.tenant_id)
      .orderBy("name")
      .execute();
    const agents = await suite.db
      .selectFrom("suite_users")
      .select(["id", "name", "availability", "capacity", "role"])
      .where("tenant_id", "=", user.tenant_id)
      .where("status", "=", "active")
      .orderBy("name")
      .execute();
    const queue = (teamId: string | null) => {
      const waiting = open.filter((c) => c.team_id === teamId && !c.assignee_id);
      return {
        waiting: waiting.length,
        open: open.filter((c) => c.team_id === teamId).length,
        oldest_waiting_s: waiting.length
          ? Math.round((now - Math.min(...waiting.map((c) => c.cycle_opened_at))) / 1000)
          : null,
      };
    };
    return reply.send({
      at: new Date(now).toISOString(),
      queues: [
        ...teams.map((t) => ({ team_id: t.id, name: t.name, ...queue(t.id) })),
        { team_id: null, name: "No team", ...queue(null) },
      ],
      agents: agents.map((a) => ({
        ...a,
        open: open.filter((c) => c.assignee_id === a.id).length,
        awaiting_first_response: open.filter((c) => c.assignee_id === a.id && !c.first_response_at).length,
      })),
    });
  });

  app.get<{ Querystring: Record<string, string> }>("/suite/api/reports", async (req, reply) => {
    const { user } = await requireUser(suite, req, "reports.read");
    const q = parseBody(reportQuery, req.query);
    const timeZone = await tenantTimeZone(suite, user.tenant_id);
    const asked = reportRange(q, suite.clock.now(), timeZone);
    if (!asked.ok)
      throw new SuiteError(400, "invalid_request", `${asked.field}: ${asked.message}`, { field: asked.field });
    const { range } = asked;
    const { from, to } = range;
    const resolved = await suite.db
      .selectFrom("suite_cycles")
      .select(["opened_at", "first_response_at", "resolved_at", "agent_id", "team_id", "csat"])
      .where("tenant_id", "=", user.tenant_id)
      .where("opened_at", ">=", from)
      .where("opened_at", "<", to)
      .execute();
    const current = await suite.db
      .selectFrom("suite_conversations")
      .select(["cycle_opened_at as opened_at", "first_response_at", "assignee_id as agent_id", "team_id"])
      .where("tenant_id", "=", user.tenant_id)
      .where("state", "!=", "resolved")
      .where("cycle_opened_at", ">=", from)
      .where("cycle_opened_at", "<", to)
      .execute();
    const cycles: Cycle[] = [...resolved, ...current.map((c) => ({ ...c, resolved_at: null, csat: null }))];
    let rows = groupCycles(cycles, q.group, timeZone);
    if (q.group !== "day") {
      const names = new Map(
        (
          await suite.db
            .selectFrom(q.group === "agent" ? "suite_users" : "suite_teams")
            .select(["id", "name"])
            .where("tenant_id", "=", user.tenant_id)
            .execute()
        ).map((r) => [r.id, r.name]),
      );
      rows = rows.map((r) => ({ ...r, key: names.get(r.key) ?? r.key }));
    }
    const statuses = await suite.db
      .selectFrom("suite_messages")
      .innerJoin("suite_conversations", "suite_conversations.id", "suite_messages.conversation_id")
      .select(["suite_messages.status"])
      .select((e) => e.fn.countAll<number>().as("n"))
      .where("suite_conversations.tenant_id", "=", user.tenant_id)
      .where("suite_messages.direction", "=", "out")
      .where("suite_messages.at", ">=", from)
      .where("suite_messages.at", "<", to)
      .groupBy("suite_messages.status")
      .execute();
    if (q.format === "csv") {
      const name = `report-${q.group}-${range.from_day}-to-${range.to_day}.csv`;
      return reply
        .type("text/csv; charset=utf-8")
        .header("content-disposition", `attachment; filename="${name}"`)
        .send(toCsv(rows as unknown as Record<string, unknown>[]));
    }
    return reply.send({
      from: new Date(from).toISOString(),
      to: new Date(to).toISOString(),
      range: {
        preset: range.preset,
        from_day: range.from_day,
        to_day: range.to_day,
        days: range.days,
        time_zone: range.time_zone,
      },
      group: q.group,
      rows,
      messages_by_status: Object.fromEntries(statuses.map((s) => [s.status, Number(s.n)])),
      cost: await cost(suite, user.tenant_id, from, to),
    });
  });
}

/** The business's time zone (its business hours'), in which a report's days begin and end; UTC when none is set. */
async function tenantTimeZone(suite: Suite, tenantId: string): Promise<string> {
  const t = await suite.db
    .selectFrom("suite_tenants")
    .select("settings")
    .where("id", "=", tenantId)
    .executeTakeFirstOrThrow();
  return (JSON.parse(t.settings) as { business_hours?: BusinessHours }).business_hours?.timezone ?? "UTC";
}

/**
 * Cost by category from each WABA's pricing analytics, in the WABA's currency (Meta bills each
 * WABA in its own): one entry per currency, since amounts in different currencies never add up.
 * Null when the Cloud API does not answer.
 */
async function cost(
  suite: Suite,
  tenantId: string,
  from: number,
  to: number,
): Promise<{ currency: string | null; by_category: Record<string, number> }[] | null> {
  const out = new Map<string | null, Record<string, number>>();
  for (const c of await suite.db
    .selectFrom("suite_connections")
    .select(["id", "waba_id"])
    .where("tenant_id", "=", tenantId)
    .orderBy("id")
    .execute()) {
    try {
      const r = await (await suite.client(c.id)).costByCategory(
        c.waba_id,
        Math.floor(from / 1000),
        Math.floor(to / 1000),
      );
      const sum = out.get(r.currency) ?? {};
      for (const [k, v] of Object.entries(r.by_category)) sum[k] = Math.round(((sum[k] ?? 0) + v) * 1e6) / 1e6;
      out.set(r.currency, sum);
    } catch (err) {
      if (err instanceof PlatformCallError) {
        suite.log.warn({ err: err.message }, "pricing analytics unavailable");
        return null;
      }
      throw err;
    }
  }
  return [...out].map(([currency, by_category]) => ({ currency, by_category }));
}
