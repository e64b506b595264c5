import type { FastifyInstance } from "fastify";
import { businessWebhookRequest } from "@openwaba/contracts/suite";
import { requireUser } from "../auth/sessions";
import { parseBody } from "../errors";
import { randomSecret } from "../ids";
import type { Suite } from "../suite";
import { saveTenantSettings } from "../tenant/commands/save-tenant-settings";

/** Where the business's own systems hear of contacts and conversations; the secret that signs each POST. */
export function registerBusinessWebhookRoutes(app: FastifyInstance, suite: Suite): void {
  app.put("/suite/api/settings/business-webhook", async (req, reply) => {
    const { user } = await requireUser(suite, req, "business-webhook.configure");
    const b = parseBody(businessWebhookRequest, req.body);
    // A new URL keeps the secret the business has configured already; none removes both.
    const settings = await saveTenantSettings(suite.db, {
      tenantId: user.tenant_id,
      change: (current) => ({
        business_webhook: b.url
          ? { url: b.url, secret: current.business_webhook?.secret ?? randomSecret(24) }
          : undefined,
      }),
    });
    return reply.send({ business_webhook: settings.business_webhook ?? null });
  });
}
