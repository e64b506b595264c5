import type { TemplateNode } from "@openwaba/contracts";
import type { FastifyInstance } from "fastify";
import { requireUser } from "../auth/sessions";
import { PlatformCallError, type PlatformClient } from "../client/platform-client";
import { SuiteError, notFound } from "../errors";
import type { Suite } from "../suite";
import { tenantConnections } from "../tenant/tenant-connections";

const MAX_SAMPLE = 16 * 1024 * 1024;

/**
 * The tenant's message templates on the Cloud API: list, create, edit (Meta's rules: POST
 * /{template-id}), delete, and a media header's sample (a file handle from the Resumable Upload
 * API). What the Cloud API refuses (Meta's 2388xxx with error_user_title and error_user_msg)
 * comes back in the suite's envelope, the Graph error inside.
 */
export function registerTemplateRoutes(app: FastifyInstance, suite: Suite): void {
  const connections = (tenantId: string) => tenantConnections(suite.db, tenantId);
  const firstConnection = async (tenantId: string) => {
    const [c] = await connections(tenantId);
    if (!c) throw new SuiteError(409, "no_connection", "This tenant has no WhatsApp Business Account connected.");
    return { ...c, client: await suite.client(c.id) };
  };
  const refused = (err: unknown): never => {
    if (err instanceof PlatformCallError)
      throw new SuiteError(err.status >= 500 ? 502 : 422, "platform_refused", err.graph.error_user_msg ?? err.message, {
        graph: err.graph,
      });
    throw err;
  };
  const unavailable = (err: unknown): never => {
    if (err instanceof PlatformCallError)
      throw new SuiteError(502, "platform_unavailable", err.message, { graph: err.graph });
    throw err;
  };
  /** The template with this id in one of the tenant's WABAs, and the client that sees it. */
  const ownTemplate = async (
    tenantId: string,
    id: string,
  ): Promise<{ wabaId: string; client: PlatformClient; template: TemplateNode }> => {
    if (!/^\d{1,32}$/.test(id)) throw notFound("Template");
    for (const c of await connections(tenantId)) {
      const client = await suite.client(c.id);
      try {
        const template = await client.template(id);
        // A token may reach several WABAs (on Meta, a BSP's system user is given many clients'):
        // the template must be in this tenant's WABA, not merely visible to the token.
        if (!(await client.listTemplates(c.waba_id)).some((t) => String(t.id) === id)) continue;
        return { wabaId: c.waba_id, client, template };
      } catch (err) {
        // Another WABA's template looks like nothing to this token (100/33): try the next one.
        if (err instanceof PlatformCallError && err.graph.code === 100 && err.graph.error_subcode === 33) continue;
        unavailable(err);
      }
    }
    throw notFound("Template");
  };

  app.get("/suite/api/templates", async (req, reply) => {
    const { user } = await requireUser(suite, req);
    const out: TemplateNode[] = [];
    for (const c of await connections(user.tenant_id)) {
      out.push(...(await (await suite.client(c.id)).listTemplates(c.waba_id).catch(unavailable)));
    }
    return reply.send({ data: out });
  });

  // A new template goes to the Cloud API's review.
  app.post("/suite/api/templates", async (req, reply) => {
    const { user } = await requireUser(suite, req, "templates.manage");
    const c = await firstConnection(user.tenant_id);
    return reply
      .code(201)
      .send(await c.client.createTemplate(c.waba_id, (req.body ?? {}) as Record<string, unknown>).catch(refused));
  });

  // A media header's sample: the file goes to the Cloud API's upload, the handle comes back for example.header_handle.
  app.post("/suite/api/templates/header-samples", async (req, reply) => {
    const { user } = await requireUser(suite, req, "templates.manage");
    const file = req.isMultipart() ? await req.file({ limits: { fileSize: MAX_SAMPLE } }) : undefined;
    if (!file)
      throw new SuiteError(400, "invalid_request", "Send the sample as multipart/form-data in a field named file.", {
        field: "file",
      });
    const bytes = await file.toBuffer().catch(() => {
      throw new SuiteError(
        413,
        "too_large",
        `Header samples up to ${MAX_SAMPLE / 1024 / 1024} MB can be uploaded from the console.`,
        { field: "file" },
      );
    });
    if (!bytes.length) throw new SuiteError(400, "invalid_request", "The file is empty.", { field: "file" });
    const c = await firstConnection(user.tenant_id);
    const handle = await c.client
      .uploadFileHandle({ bytes, mime: file.mimetype, filename: file.filename || "sample" })
      .catch(refused);
    return reply.code(201).send({ handle, mime_type: file.mimetype, filename: file.filename, file_size: bytes.length });
  });

  // An edit replaces the components (and may change the category); the template goes back to review.
  app.post<{ Params: { id: string } }>("/suite/api/templates/:id", async (req, reply) => {
    const { user } = await requireUser(suite, req, "templates.manage");
    const t = await ownTemplate(user.tenant_id, req.params.id);
    await t.client.editTemplate(req.params.id, (req.body ?? {}) as Record<string, unknown>).catch(refused);
    return reply.send(await t.client.template(req.params.id).catch(unavailable));
  });

  // One language of a template (its id), as the console lists them.
  app.delete<{ Params: { id: string } }>("/suite/api/templates/:id", async (req, reply) => {
    const { user } = await requireUser(suite, req, "templates.manage");
    const t = await ownTemplate(user.tenant_id, req.params.id);
    await t.client.deleteTemplate(t.wabaId, t.template.name, req.params.id).catch(refused);
    return reply.send({ deleted: true, id: req.params.id, name: t.template.name, language: t.template.language });
  });
}
