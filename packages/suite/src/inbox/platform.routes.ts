import type { FastifyInstance } from "fastify";
import { requireUser } from "../auth/sessions";
import { PlatformCallError } from "../client/platform-client";
import { SuiteError } from "../errors";
import type { Suite } from "../suite";

/** What the console reads from the Cloud API for the tenant: its numbers and approved templates. */
export function registerPlatformRoutes(app: FastifyInstance, suite: Suite): void {
  const connections = (tenantId: string) => suite.db.selectFrom("suite_connections").select(["id", "waba_id"]).where("tenant_id", "=", tenantId).execute();
  const upstream = async <T>(f: () => Promise<T>): Promise<T> => {
    try { return await f(); } catch (err) {
      if (err instanceof PlatformCallError) throw new SuiteError(502, "platform_unavailable", err.message, { graph: err.graph });
      throw err;
    }
  };

  app.get("/suite/api/numbers", async (req, reply) => {
    const { user } = await requireUser(suite, req);
    const out: Record<string, unknown>[] = [];
    for (const c of await connections(user.tenant_id)) out.push(...(await upstream(async () => (await suite.client(c.id)).listPhoneNumbers(c.waba_id))));
    return reply.send({ data: out });
  });

  app.get("/suite/api/templates", async (req, reply) => {
    const { user } = await requireUser(suite, req);
    const out: Record<string, unknown>[] = [];
    for (const c of await connections(user.tenant_id)) out.push(...(await upstream(async () => (await suite.client(c.id)).listTemplates(c.waba_id))));
    return reply.send({ data: out });
  });
}
