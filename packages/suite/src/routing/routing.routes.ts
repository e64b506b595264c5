import type { FastifyInstance } from "fastify";
import { may } from "../auth/policies";
import { tenantTransaction } from "../unit-of-work";
import { requireUser } from "../auth/sessions";
import { businessHoursRequest, routingRulesRequest } from "@openwaba/contracts/suite";
import { parseBody } from "../errors";
import type { Suite } from "../suite";
import { saveTenantSettings } from "../tenant/commands/save-tenant-settings";
import { replaceRoutingRules } from "./commands/replace-routing-rules";

/** Routing rules (an ordered list, replaced as a whole) and business hours: the admin's settings. */
export function registerRoutingRoutes(app: FastifyInstance, suite: Suite): void {
  app.get("/suite/api/routing-rules", async (req, reply) => {
    const { user } = await requireUser(suite, req, "routing-rules.read");
    const rows = await suite.db
      .selectFrom("suite_routing_rules")
      .selectAll()
      .where("tenant_id", "=", user.tenant_id)
      .orderBy("position")
      .execute();
    return reply.send({
      rules: rows.map((r) => ({ id: r.id, name: r.name, team_id: r.team_id, conditions: JSON.parse(r.conditions) })),
    });
  });

  app.put("/suite/api/routing-rules", async (req, reply) => {
    const { user } = await requireUser(suite, req, "routing-rules.manage");
    const b = parseBody(routingRulesRequest, req.body);
    await tenantTransaction(suite, user.tenant_id, (tx) =>
      replaceRoutingRules(tx, { tenantId: user.tenant_id, rules: b.rules, at: suite.clock.now() }),
    );
    return reply.send({ rules: b.rules });
  });

  app.get("/suite/api/settings", async (req, reply) => {
    const { user } = await requireUser(suite, req);
    const t = await suite.db
      .selectFrom("suite_tenants")
      .select(["name", "settings"])
      .where("id", "=", user.tenant_id)
      .executeTakeFirstOrThrow();
    const settings = JSON.parse(t.settings);
    // The business webhook's secret is for admins' eyes only.
    if (settings.business_webhook && !may(user, "business-webhook.configure"))
      settings.business_webhook = { url: settings.business_webhook.url };
    return reply.send({ name: t.name, ...settings });
  });

  app.put("/suite/api/settings/business-hours", async (req, reply) => {
    const { user } = await requireUser(suite, req, "business-hours.configure");
    const b = parseBody(businessHoursRequest, req.body);
    const settings = await saveTenantSettings(suite.db, {
      tenantId: user.tenant_id,
      change: () => ({ business_hours: b.business_hours }),
    });
    return reply.send(settings);
  });
}
