import type { FastifyInstance } from "fastify";
import { addCannedResponse, deleteCannedResponse } from "./commands/canned-responses";
import { requireUser } from "../auth/sessions";
import { parseBody } from "../errors";
import type { Suite } from "../suite";
import { cannedResponseRequest, cannedVariables } from "@openwaba/contracts/suite";

/** Canned responses: every agent uses them, supervisors and admins keep them. */
export function registerCannedRoutes(app: FastifyInstance, suite: Suite): void {
  const present = (r: { id: string; shortcut: string; title: string; body: string }) => ({
    id: r.id,
    shortcut: r.shortcut,
    title: r.title,
    body: r.body,
    variables: cannedVariables(r.body),
  });

  app.get("/suite/api/canned-responses", async (req, reply) => {
    const { user } = await requireUser(suite, req);
    const rows = await suite.db
      .selectFrom("suite_canned_responses")
      .selectAll()
      .where("tenant_id", "=", user.tenant_id)
      .orderBy("shortcut")
      .execute();
    return reply.send({ data: rows.map(present) });
  });

  app.post("/suite/api/canned-responses", async (req, reply) => {
    const { user } = await requireUser(suite, req, "canned-responses.manage");
    const b = parseBody(cannedResponseRequest, req.body);
    const row = await addCannedResponse(suite, suite.db, { tenantId: user.tenant_id, response: b });
    return reply.code(201).send(present(row));
  });

  app.delete<{ Params: { id: string } }>("/suite/api/canned-responses/:id", async (req, reply) => {
    const { user } = await requireUser(suite, req, "canned-responses.manage");
    await deleteCannedResponse(suite.db, { tenantId: user.tenant_id, id: req.params.id });
    return reply.send({ ok: true });
  });
}
