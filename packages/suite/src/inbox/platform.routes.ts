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

  // A new template goes to the Cloud API's review; its errors (Meta's 2388xxx) come back in the suite's envelope.
  app.post("/suite/api/templates", async (req, reply) => {
    const { user } = await requireUser(suite, req, ["admin", "supervisor"]);
    const [c] = await connections(user.tenant_id);
    if (!c) throw new SuiteError(409, "no_connection", "This tenant has no WhatsApp Business Account connected.");
    try {
      return reply.code(201).send(await (await suite.client(c.id)).createTemplate(c.waba_id, (req.body ?? {}) as Record<string, unknown>));
    } catch (err) {
      if (err instanceof PlatformCallError) throw new SuiteError(err.status >= 500 ? 502 : 422, "platform_refused", err.graph.error_user_msg ?? err.message, { graph: err.graph });
      throw err;
    }
  });

  app.get("/suite/api/templates", async (req, reply) => {
    const { user } = await requireUser(suite, req);
    const out: Record<string, unknown>[] = [];
    for (const c of await connections(user.tenant_id)) out.push(...(await upstream(async () => (await suite.client(c.id)).listTemplates(c.waba_id))));
    return reply.send({ data: out });
  });
}
