import type { FastifyInstance, FastifyRequest } from "fastify";
import { unknownObject } from "@openwaba/contracts";
import type { Platform } from "../platform";
import { authenticate, type GraphParams } from "./graph-request";
import { mediaUrl } from "./media-download.route";
import { deleteMediaRow } from "./media-upload.route";
import { presentPhoneNumber } from "./phone-number-fields";

const origin = (req: FastifyRequest) => `${req.protocol}://${req.host}`;

/**
 * GET and DELETE /{id} for the node kinds this server holds: phone numbers, media, the WABA.
 * An id the token may not see answers exactly like one that does not exist (§10b).
 */
export function registerNodeRoutes(app: FastifyInstance, platform: Platform): void {
  app.get<{ Params: GraphParams; Querystring: { fields?: string } }>("/:version/:id", async (req, reply) => {
    const principal = await authenticate(platform, req);
    const id = req.params.id;
    const phone = await platform.directory.phoneNumber(id);
    if (phone && phone.waba_id === principal.wabaId) return reply.send(presentPhoneNumber(phone, req.query.fields));
    const media = await platform.db.selectFrom("media").selectAll().where("id", "=", id).executeTakeFirst();
    if (media && media.waba_id === principal.wabaId && media.expires_at > platform.clock.now()) {
      return reply.send({
        messaging_product: "whatsapp", url: mediaUrl(platform, origin(req), media.id), mime_type: media.mime_type,
        sha256: media.sha256, file_size: String(media.file_size), id: media.id,
      });
    }
    if (id === principal.wabaId) {
      const w = await platform.db.selectFrom("wabas").selectAll().where("id", "=", id).executeTakeFirstOrThrow();
      return reply.send({ id: w.id, name: w.name, currency: w.currency, timezone_id: w.timezone_id, message_template_namespace: w.id.slice(-8) });
    }
    throw unknownObject(id, "GET");
  });

  app.delete<{ Params: GraphParams }>("/:version/:id", async (req, reply) => {
    const principal = await authenticate(platform, req);
    const media = await platform.db.selectFrom("media").select(["id", "waba_id"]).where("id", "=", req.params.id).executeTakeFirst();
    if (!media || media.waba_id !== principal.wabaId) throw unknownObject(req.params.id, "DELETE");
    await deleteMediaRow(platform, media.id);
    return reply.send({ success: true });
  });
}
