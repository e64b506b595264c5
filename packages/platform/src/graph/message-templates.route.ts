import type { FastifyInstance } from "fastify";
import { z } from "zod";
import { parseParams, unknownObject } from "@openwaba/contracts";
import { QUEUES, type Platform } from "../platform";
import { createTemplate } from "../templates/create-template";
import { deleteTemplates } from "../templates/delete-templates";
import { REJECTION_REASONS, applyReviewDecision } from "../templates/review-decision";
import { presentTemplate } from "../templates/template-presenter";
import { findTemplateById, listTemplates } from "../templates/template-queries";
import { authenticate, ownWaba, type GraphParams } from "./graph-request";
import { page } from "./paging";

type Query = Record<string, string | undefined>;

/** Template management under /{waba-id}/message_templates (§4), and OpenWABA's review override. */
export function registerMessageTemplateRoutes(app: FastifyInstance, platform: Platform): void {
  app.post<{ Params: GraphParams }>("/:version/:id/message_templates", async (req, reply) => {
    const p = await authenticate(platform, req);
    ownWaba(p, req.params.id, "POST");
    return reply.send(await createTemplate(platform, p.wabaId, req.body));
  });

  app.get<{ Params: GraphParams; Querystring: Query }>("/:version/:id/message_templates", async (req, reply) => {
    const p = await authenticate(platform, req);
    ownWaba(p, req.params.id, "GET");
    const rows = await listTemplates(platform.db, p.wabaId, req.query);
    const data = rows.map((t) => presentTemplate(t, req.query.fields));
    return reply.send(page(data, req.query, `${req.protocol}://${req.host}${req.url.split("?")[0]}`));
  });

  app.delete<{ Params: GraphParams; Querystring: Query }>("/:version/:id/message_templates", async (req, reply) => {
    const p = await authenticate(platform, req);
    ownWaba(p, req.params.id, "DELETE");
    return reply.send(await deleteTemplates(platform, p.wabaId, req.query));
  });

  // OpenWABA's extension for demos and tests: decide a pending template's review now.
  const decision = z.strictObject({
    event: z.enum(["APPROVED", "REJECTED"]),
    reason: z.enum(REJECTION_REASONS).optional(),
    explanation: z
      .strictObject({ reason: z.string().min(1).max(1000), recommendation: z.string().min(1).max(1000) })
      .optional(),
  });
  app.post<{ Params: { id: string } }>("/openwaba/templates/:id/review", async (req, reply) => {
    const p = await authenticate(platform, req);
    const d = parseParams(decision, req.body ?? {});
    const t = await findTemplateById(platform.db, req.params.id);
    if (!t || t.waba_id !== p.wabaId) throw unknownObject(req.params.id, "POST");
    await platform.db.transaction().execute((tx) => applyReviewDecision(platform, tx, t, d));
    platform.wake(QUEUES.webhook);
    return reply.send(
      presentTemplate((await findTemplateById(platform.db, t.id))!, "id,name,language,status,category,rejected_reason"),
    );
  });
}
