import type { FastifyInstance } from "fastify";
import type { Db } from "@openwaba/store";
import { requireUser } from "../auth/sessions";
import { newId } from "../ids";
import { publish } from "../realtime/publish";
import type { Suite } from "../suite";
import { alertFor } from "./alert-for";

/** Stores an account webhook that admins should hear of, and pushes it to the consoles (admins and supervisors see it). */
export async function recordAlert(
  suite: Suite,
  tx: Db,
  tenantId: string,
  field: string,
  value: Record<string, any>,
): Promise<void> {
  const a = alertFor(field, value);
  if (!a) return;
  const row = {
    id: newId(),
    tenant_id: tenantId,
    kind: a.kind,
    severity: a.severity,
    title: a.title,
    data: JSON.stringify(value),
    at: suite.clock.now(),
    read_at: null,
  };
  await tx.insertInto("suite_alerts").values(row).execute();
  // An alert has no team: a sentinel team id keeps it from agents' streams (canSee lets admins and supervisors through).
  await publish(suite, tx, {
    tenant_id: tenantId,
    team_id: "(admins)",
    kind: "alert.created",
    payload: { alert: present(row) },
  });
}

const present = (r: {
  id: string;
  kind: string;
  severity: string;
  title: string;
  data: string;
  at: number;
  read_at: number | null;
}) => ({
  id: r.id,
  kind: r.kind,
  severity: r.severity,
  title: r.title,
  data: JSON.parse(r.data),
  at: new Date(r.at).toISOString(),
  read: r.read_at !== null,
});

export function registerAlertRoutes(app: FastifyInstance, suite: Suite): void {
  app.get("/suite/api/alerts", async (req, reply) => {
    const { user } = await requireUser(suite, req, ["admin", "supervisor"]);
    const rows = await suite.db
      .selectFrom("suite_alerts")
      .selectAll()
      .where("tenant_id", "=", user.tenant_id)
      .orderBy("at", "desc")
      .limit(100)
      .execute();
    return reply.send({ data: rows.map(present) });
  });
  app.post("/suite/api/alerts/read", async (req, reply) => {
    const { user } = await requireUser(suite, req, ["admin", "supervisor"]);
    await suite.db
      .updateTable("suite_alerts")
      .set({ read_at: suite.clock.now() })
      .where("tenant_id", "=", user.tenant_id)
      .where("read_at", "is", null)
      .execute();
    return reply.send({ ok: true });
  });
}
