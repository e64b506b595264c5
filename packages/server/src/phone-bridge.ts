import type { FastifyInstance, FastifyRequest } from "fastify";
import { SuiteError, requireUser, type Suite } from "@openwaba/suite";
import type { DevCredentials } from "@openwaba/platform";

/**
 * The console's phone view: anyone signed in to the development tenant may chat as a simulated
 * customer with any of its business numbers. The console never holds the Graph token; these
 * routes call the Cloud API and the simulator's API with it on the user's behalf (only the calls a
 * phone makes, and the list of numbers to chat with), so the platform decides what is the WABA's.
 */
export function registerPhoneBridge(
  app: FastifyInstance,
  root: FastifyInstance,
  suite: Suite,
  creds: DevCredentials,
  devTenant: () => string | null,
): void {
  const forward = async (method: "GET" | "POST", url: string, payload?: unknown) => {
    const r = await root.inject({
      method,
      url,
      headers: { authorization: `Bearer ${creds.access_token}` },
      ...(payload !== undefined ? { payload: payload as object } : {}),
    });
    let body: Record<string, unknown>;
    try {
      body = r.json();
    } catch {
      body = {
        error: { code: "simulator_unavailable", message: `The simulator answered ${r.statusCode} without JSON.` },
      };
    }
    // A refusal in Meta's envelope is said in the suite's, in its own words (its details).
    const graph = body.error as { code?: unknown; message?: string; error_data?: { details?: string } } | undefined;
    if (r.statusCode >= 400 && typeof graph?.code === "number")
      body = { error: { code: "platform_refused", message: graph.error_data?.details ?? graph.message, graph } };
    return { status: r.statusCode, body };
  };
  // Only the development tenant's people chat as its simulated customers.
  const signedIn = async (req: FastifyRequest) => {
    const { user } = await requireUser(suite, req);
    if (user.tenant_id !== devTenant())
      throw new SuiteError(403, "forbidden", "The phone view belongs to the development tenant.");
  };
  // The business number to chat with: the first of the WABA's (the credentials file's first, every
  // feature's default) unless asked; whether it is the WABA's the platform says (Graph 100).
  const number = (q: { phone?: string }) => {
    if (q.phone === undefined || q.phone === "") return creds.phone_number_ids[0];
    if (!/^\d{1,20}$/.test(q.phone))
      throw new SuiteError(400, "invalid_request", "phone: a phone number id (digits).", { field: "phone" });
    return q.phone;
  };

  // The numbers a customer can write to, in the Cloud API's order (the first is the default).
  app.get("/suite/api/phone/numbers", async (req, reply) => {
    await signedIn(req);
    const r = await forward(
      "GET",
      `/${creds.graph_version}/${creds.waba_id}/phone_numbers?fields=id,display_phone_number,verified_name&limit=100`,
    );
    if (r.status !== 200) return reply.code(r.status).send(r.body);
    const data = (r.body.data as { id: string; display_phone_number: string; verified_name: string }[]).map((n) => ({
      id: n.id,
      display_phone_number: n.display_phone_number,
      verified_name: n.verified_name,
    }));
    return reply.send({ data });
  });
  app.get("/suite/api/phone/users", async (req, reply) => {
    await signedIn(req);
    const r = await forward("GET", "/simulator/users");
    return reply.code(r.status).send(r.body);
  });
  app.post("/suite/api/phone/users", async (req, reply) => {
    await signedIn(req);
    const r = await forward("POST", "/simulator/users", req.body ?? {});
    return reply.code(r.status).send(r.body);
  });
  app.get<{ Params: { waId: string }; Querystring: { phone?: string } }>(
    "/suite/api/phone/users/:waId/chat",
    async (req, reply) => {
      await signedIn(req);
      const r = await forward(
        "GET",
        `/simulator/users/${encodeURIComponent(req.params.waId)}/chats/${number(req.query)}`,
      );
      // server_time: the phone's clock is the simulated world's (it travels).
      return reply
        .code(r.status)
        .send(r.status === 200 ? { ...r.body, server_time: new Date(suite.clock.now()).toISOString() } : r.body);
    },
  );
  app.post<{ Params: { waId: string }; Querystring: { phone?: string } }>(
    "/suite/api/phone/users/:waId/messages",
    async (req, reply) => {
      await signedIn(req);
      const r = await forward("POST", `/simulator/users/${encodeURIComponent(req.params.waId)}/messages`, {
        ...(req.body as object),
        to: number(req.query),
      });
      return reply.code(r.status).send(r.body);
    },
  );
}
