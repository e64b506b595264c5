import type { FastifyInstance } from "fastify";
import type { Db } from "@openwaba/store";
import { requireUser } from "../auth/sessions";
import type { Suite } from "../suite";
import { markAlertsRead } from "./commands/mark-alerts-read";
import { recordAlert as recordAlertCommand } from "./commands/record-alert";
import { presentAlert } from "./present-alert";

/**
 * The account webhook route's way to `recordAlert` (alerts/commands/record-alert.ts), until that
 * route (inbox/webhook.route.ts) calls the command with its props itself.
 */
export const recordAlert = (suite: Suite, tx: Db, tenantId: string, field: string, value: Record<string, any>) =>
  recordAlertCommand(suite, tx, { tenantId, field, value });

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
    return reply.send({ data: rows.map(presentAlert) });
  });
  app.post("/suite/api/alerts/read", async (req, reply) => {
    const { user } = await requireUser(suite, req, ["admin", "supervisor"]);
    await markAlertsRead(suite, suite.db, { tenantId: user.tenant_id });
    return reply.send({ ok: true });
  });
}
