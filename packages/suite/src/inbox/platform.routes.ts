import type { ListedPhoneNumber } from "@openwaba/contracts";
import type { FastifyInstance } from "fastify";
import { requireUser } from "../auth/sessions";
import { PlatformCallError } from "../client/platform-client";
import { SuiteError } from "../errors";
import type { Suite } from "../suite";
import { tenantConnections } from "../tenant/tenant-connections";

/** What the console reads and changes on the Cloud API for the tenant: its numbers and business profiles. */
export function registerPlatformRoutes(app: FastifyInstance, suite: Suite): void {
  const connections = (tenantId: string) => tenantConnections(suite.db, tenantId);
  const numberConnection = async (tenantId: string, id: string) => {
    const n = await suite.db
      .selectFrom("suite_numbers")
      .select("connection_id")
      .where("id", "=", id)
      .where("tenant_id", "=", tenantId)
      .executeTakeFirst();
    if (!n) throw new SuiteError(404, "not_found", "Number does not exist or is not yours to see.");
    return n.connection_id;
  };
  const upstream = async <T>(f: () => Promise<T>): Promise<T> => {
    try {
      return await f();
    } catch (err) {
      if (err instanceof PlatformCallError)
        throw new SuiteError(502, "platform_unavailable", err.message, { graph: err.graph });
      throw err;
    }
  };

  app.get("/suite/api/numbers", async (req, reply) => {
    const { user } = await requireUser(suite, req);
    const out: ListedPhoneNumber[] = [];
    for (const c of await connections(user.tenant_id))
      out.push(...(await upstream(async () => (await suite.client(c.id)).listPhoneNumbers(c.waba_id))));
    return reply.send({ data: out });
  });

  app.get<{ Params: { id: string } }>("/suite/api/numbers/:id/profile", async (req, reply) => {
    const { user } = await requireUser(suite, req);
    const conn = await numberConnection(user.tenant_id, req.params.id);
    return reply.send(await upstream(async () => (await suite.client(conn)).businessProfile(req.params.id)));
  });

  app.post<{ Params: { id: string } }>("/suite/api/numbers/:id/profile", async (req, reply) => {
    const { user } = await requireUser(suite, req, "whatsapp.manage");
    const conn = await numberConnection(user.tenant_id, req.params.id);
    try {
      await (await suite.client(conn)).updateBusinessProfile(
        req.params.id,
        (req.body ?? {}) as Record<string, unknown>,
      );
    } catch (err) {
      if (err instanceof PlatformCallError)
        throw new SuiteError(422, "platform_refused", err.message, { graph: err.graph });
      throw err;
    }
    return reply.send(await upstream(async () => (await suite.client(conn)).businessProfile(req.params.id)));
  });
}
