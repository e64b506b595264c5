import type { FastifyInstance } from "fastify";
import { z } from "zod";
import { requireUser } from "../auth/sessions";
import { parseBody } from "../errors";
import { randomSecret } from "../ids";
import type { Suite } from "../suite";

const body = z.strictObject({
  url: z
    .url()
    .refine((u) => /^https?:\/\//.test(u), "use http or https")
    .nullable(),
});

/** Where the business's own systems hear of contacts and conversations; the secret that signs each POST. */
export function registerBusinessWebhookRoutes(app: FastifyInstance, suite: Suite): void {
  app.put("/suite/api/settings/business-webhook", async (req, reply) => {
    const { user } = await requireUser(suite, req, ["admin"]);
    const b = parseBody(body, req.body);
    const t = await suite.db
      .selectFrom("suite_tenants")
      .select("settings")
      .where("id", "=", user.tenant_id)
      .executeTakeFirstOrThrow();
    const settings = JSON.parse(t.settings);
    settings.business_webhook = b.url
      ? { url: b.url, secret: settings.business_webhook?.secret ?? randomSecret(24) }
      : undefined;
    await suite.db
      .updateTable("suite_tenants")
      .set({ settings: JSON.stringify(settings) })
      .where("id", "=", user.tenant_id)
      .execute();
    return reply.send({ business_webhook: settings.business_webhook ?? null });
  });
}
