import type { FastifyInstance } from "fastify";
import { requireUser } from "../auth/sessions";
import type { Suite } from "../suite";
import { markAlertsRead } from "./commands/mark-alerts-read";
import { presentAlert } from "./present-alert";

export function registerAlertRoutes(app: FastifyInstance, suite: Suite): void {
  app.get("/suite/api/alerts", async (req, reply) => {
    const { user } = await requireUser(suite, req, "alerts.manage");
    const rows = await suite.db
      .selectFrom("suite_alerts")
      .selectAll()
      .where("tenant_id", "=", user.tenant_id)
      .orderBy("at", "desc")
      .limit(100)
      .execute();
    return reply.send({ data: rows.map(presentAlert) });
  });
  app.post("/suite/api/alerts/read", async (req, reply) => {
    const { user } = await requireUser(suite, req, "alerts.manage");
    await markAlertsRead(suite, suite.db, { tenantId: user.tenant_id });
    return reply.send({ ok: true });
  });
}
