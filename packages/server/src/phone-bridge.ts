import type { FastifyInstance, FastifyRequest } from "fastify";
import { SuiteError, requireUser, type Suite } from "@openwaba/suite";
import type { DevCredentials } from "@openwaba/platform";

/**
 * The console's phone view: anyone signed in to the development tenant may chat as a simulated
 * customer. The console never holds the Graph token; these routes call the simulator's API with
 * it on the user's behalf (only the calls a phone makes).
 */
export function registerPhoneBridge(app: FastifyInstance, root: FastifyInstance, suite: Suite, creds: DevCredentials, devTenant: () => string | null): void {
  const forward = async (method: "GET" | "POST", url: string, payload?: unknown) => {
    const r = await root.inject({ method, url, headers: { authorization: `Bearer ${creds.access_token}` }, ...(payload !== undefined ? { payload: payload as object } : {}) });
    let body: Record<string, unknown>;
    try { body = r.json(); } catch { body = { error: { code: "simulator_unavailable", message: `The simulator answered ${r.statusCode} without JSON.` } }; }
    return { status: r.statusCode, body };
  };
  // Only the development tenant's people chat as its simulated customers.
  const signedIn = async (req: FastifyRequest) => {
    const { user } = await requireUser(suite, req);
    if (user.tenant_id !== devTenant()) throw new SuiteError(403, "forbidden", "The phone view belongs to the development tenant.");
  };
  const number = (q: { phone?: string }) => (q.phone && creds.phone_number_ids.includes(q.phone) ? q.phone : creds.phone_number_ids[0]);

  app.get("/suite/api/phone/users", async (req, reply) => {
    await signedIn(req);
    const r = await forward("GET", "/simulator/users");
    return reply.code(r.status).send({ ...r.body, numbers: creds.phone_number_ids });
  });
  app.post("/suite/api/phone/users", async (req, reply) => {
    await signedIn(req);
    const r = await forward("POST", "/simulator/users", req.body ?? {});
    return reply.code(r.status).send(r.body);
  });
  app.get<{ Params: { waId: string }; Querystring: { phone?: string } }>("/suite/api/phone/users/:waId/chat", async (req, reply) => {
    await signedIn(req);
    const r = await forward("GET", `/simulator/users/${encodeURIComponent(req.params.waId)}/chats/${number(req.query)}`);
    return reply.code(r.status).send(r.body);
  });
  app.post<{ Params: { waId: string }; Querystring: { phone?: string } }>("/suite/api/phone/users/:waId/messages", async (req, reply) => {
    await signedIn(req);
    const r = await forward("POST", `/simulator/users/${encodeURIComponent(req.params.waId)}/messages`, { ...(req.body as object), to: number(req.query) });
    return reply.code(r.status).send(r.body);
  });
}
