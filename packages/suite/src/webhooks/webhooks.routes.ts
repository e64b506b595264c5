import type { FastifyInstance } from "fastify";
import {
  sentMessagesQuery,
  wabaRequest,
  webhookDeliveriesQuery,
  webhookRedriveRequest,
  webhookTestRequest,
} from "@openwaba/contracts/suite";
import { requireUser } from "../auth/sessions";
import { PlatformCallError, type PlatformClient } from "../client/platform-client";
import { SuiteError, parseBody } from "../errors";
import type { Suite } from "../suite";
import { tenantConnections } from "../tenant/tenant-connections";

/**
 * Webhooks as the Cloud API sees them, for a developer debugging a receiver: who is subscribed
 * and where their events go, each delivery's request and answer (resend it, send Meta's test
 * message), what failed for good (redrive), and the statuses of the messages sent, with their
 * errors. Admins only. Beyond the subscriptions, these are OpenWABA's extensions: on Meta's
 * Cloud API the page says they are not there.
 */
export function registerWebhookRoutes(app: FastifyInstance, suite: Suite): void {
  /** The tenant's connection for a WABA (the first when none is named); another tenant's WABA looks like none. */
  const connection = async (tenantId: string, wabaId?: string) => {
    const all = await tenantConnections(suite.db, tenantId);
    const c = wabaId ? all.find((x) => x.waba_id === wabaId) : all[0];
    if (!c)
      throw new SuiteError(
        404,
        "not_found",
        wabaId
          ? `WABA ${wabaId} does not exist or is not yours to see.`
          : "This tenant has no WhatsApp Business Account connected.",
      );
    return { ...c, client: await suite.client(c.id) };
  };
  const extension = async <T>(f: () => Promise<T>): Promise<T> => {
    try {
      return await f();
    } catch (err) {
      if (!(err instanceof PlatformCallError)) throw err;
      if (err.status === 404 && err.graph.code === 2500)
        throw new SuiteError(
          501,
          "not_available",
          "This Cloud API keeps no webhook deliveries or message statuses to show (Meta's does not: only your receiver sees them).",
        );
      if (err.status >= 400 && err.status < 500)
        throw new SuiteError(
          err.status === 404 ? 404 : 400,
          err.status === 404 ? "not_found" : "invalid_request",
          err.message,
          { graph: err.graph },
        );
      throw new SuiteError(502, "platform_unavailable", err.message, { graph: err.graph });
    }
  };
  const admin = (req: Parameters<typeof requireUser>[1]) => requireUser(suite, req, "webhooks.inspect");

  app.get("/suite/api/webhooks", async (req, reply) => {
    const { user } = await admin(req);
    const out = [];
    for (const c of await tenantConnections(suite.db, user.tenant_id)) {
      const client: PlatformClient = await suite.client(c.id);
      out.push({ waba_id: c.waba_id, ...(await extension(() => client.webhookOverview(c.waba_id))) });
    }
    return reply.send({ data: out });
  });

  app.get("/suite/api/webhooks/deliveries", async (req, reply) => {
    const { user } = await admin(req);
    const q = parseBody(webhookDeliveriesQuery, req.query);
    const c = await connection(user.tenant_id, q.waba_id);
    return reply.send(
      await extension(() =>
        c.client.webhookDeliveries({
          ok: q.ok === undefined ? undefined : q.ok === "true",
          app_id: q.app_id,
          before: q.before,
          limit: q.limit,
        }),
      ),
    );
  });

  app.post<{ Params: { id: string } }>("/suite/api/webhooks/deliveries/:id/resend", async (req, reply) => {
    const { user } = await admin(req);
    const b = parseBody(wabaRequest, req.body);
    const c = await connection(user.tenant_id, b.waba_id);
    return reply.send(await extension(() => c.client.resendWebhookDelivery(req.params.id)));
  });

  app.post("/suite/api/webhooks/test", async (req, reply) => {
    const { user } = await admin(req);
    const b = parseBody(webhookTestRequest, req.body);
    const c = await connection(user.tenant_id, b.waba_id);
    return reply.send(await extension(() => c.client.testWebhook(b.app_id)));
  });

  app.post("/suite/api/webhooks/redrive", async (req, reply) => {
    const { user } = await admin(req);
    const b = parseBody(webhookRedriveRequest, req.body);
    const c = await connection(user.tenant_id, b.waba_id);
    return reply.send({ redriven: await extension(() => c.client.redriveWebhooks(b.ids)) });
  });

  // What became of the messages sent (by the inbox, a campaign, a bot or a script): status and error.
  app.get("/suite/api/webhooks/messages", async (req, reply) => {
    const { user } = await admin(req);
    const q = parseBody(sentMessagesQuery, req.query);
    const c = await connection(user.tenant_id, q.waba_id);
    return reply.send({
      data: await extension(() => c.client.recentMessages({ direction: "out", limit: q.limit ?? 20 })),
    });
  });

  app.get<{ Params: { id: string }; Querystring: Record<string, string> }>(
    "/suite/api/webhooks/messages/:id",
    async (req, reply) => {
      const { user } = await admin(req);
      const q = parseBody(wabaRequest, req.query);
      if (!/^[\w.=+\/-]{1,200}$/.test(req.params.id))
        throw new SuiteError(400, "invalid_request", "id: not a message id (wamid.…).", { field: "id" });
      const c = await connection(user.tenant_id, q.waba_id);
      return reply.send(await extension(() => c.client.messageStatus(req.params.id)));
    },
  );
}
