import type { FastifyInstance, FastifyRequest } from "fastify";
import { unknownObject } from "@openwaba/contracts";
import type { Platform } from "../platform";
import { authenticate, type GraphParams } from "./graph-request";
import { mediaUrl } from "./media-download.route";
import { deleteMediaRow } from "./media-upload.route";
import { phoneContext, presentPhoneNumber } from "./phone-number-fields";
import { editTemplate } from "../templates/edit-template";
import { presentTemplate } from "../templates/template-presenter";
import { findTemplateById } from "../templates/template-queries";
import { presentWaba } from "./waba-fields";

const origin = (req: FastifyRequest) => `${req.protocol}://${req.host}`;

/**
 * GET and DELETE /{id} for the node kinds this server holds: phone numbers, media, templates,
 * the WABA; POST /{id} edits a template.
 * An id the token may not see answers exactly like one that does not exist (§10b).
 */
export function registerNodeRoutes(app: FastifyInstance, platform: Platform): void {
  app.get<{ Params: GraphParams; Querystring: { fields?: string } }>("/:version/:id", async (req, reply) => {
    const principal = await authenticate(platform, req);
    const id = req.params.id;
    const phone = await platform.directory.phoneNumber(id);
    if (phone && phone.waba_id === principal.wabaId)
      return reply.send(presentPhoneNumber(phone, req.query.fields, await phoneContext(platform, platform.db, phone)));
    const media = await platform.db.selectFrom("media").selectAll().where("id", "=", id).executeTakeFirst();
    if (media && media.waba_id === principal.wabaId && media.expires_at > platform.clock.now()) {
      return reply.send({
        messaging_product: "whatsapp",
        url: mediaUrl(platform, origin(req), media.id),
        mime_type: media.mime_type,
        sha256: media.sha256,
        file_size: String(media.file_size),
        id: media.id,
      });
    }
    const template = await findTemplateById(platform.db, id);
    if (template && template.waba_id === principal.wabaId)
      return reply.send(presentTemplate(template, req.query.fields));
    if (id === principal.wabaId) return reply.send(await presentWaba(platform, id, req.query.fields));
    throw unknownObject(id, "GET");
  });

  // POST /{template-id}: edit a template (the only node this server edits by POST).
  app.post<{ Params: GraphParams }>("/:version/:id", async (req, reply) => {
    const principal = await authenticate(platform, req);
    const template = await findTemplateById(platform.db, req.params.id);
    if (!template || template.waba_id !== principal.wabaId) throw unknownObject(req.params.id, "POST");
    return reply.send(await editTemplate(platform, template, req.body));
  });

  app.delete<{ Params: GraphParams }>("/:version/:id", async (req, reply) => {
    const principal = await authenticate(platform, req);
    const media = await platform.db
      .selectFrom("media")
      .select(["id", "waba_id"])
      .where("id", "=", req.params.id)
      .executeTakeFirst();
    if (!media || media.waba_id !== principal.wabaId) throw unknownObject(req.params.id, "DELETE");
    await deleteMediaRow(platform, media.id);
    return reply.send({ success: true });
  });
}
