import { randomBytes } from "node:crypto";
import type { FastifyInstance, FastifyRequest } from "fastify";
import QRCode from "qrcode";
import { z } from "zod";
import { GraphError, parseParams, unknownObject } from "@openwaba/contracts";
import type { Platform } from "../platform";
import { authenticate, ownPhoneNumber, type GraphParams } from "./graph-request";

// QR codes and short links (Meta's message_qrdls): wa.me/message/<code> opens a chat with the
// number and a prefilled message of at most 140 characters; at most 2,000 per number. The QR
// image is served by this server (Meta hosts it on its CDN).
export const MAX_QR_CODES = 2000;
const create = z.strictObject({
  prefilled_message: z.string().min(1).max(140),
  generate_qr_image: z.enum(["SVG", "PNG"]).optional(),
  code: z.string().min(1).max(64).optional(),
});

const newCode = () => randomBytes(10).toString("base64url").replace(/[-_]/g, "").toUpperCase().slice(0, 14);
export const deepLink = (code: string) => `https://wa.me/message/${code}`;

function present(req: FastifyRequest, r: { code: string; prefilled_message: string }, format?: "SVG" | "PNG") {
  return {
    code: r.code,
    prefilled_message: r.prefilled_message,
    deep_link_url: deepLink(r.code),
    ...(format ? { qr_image_url: `${req.protocol}://${req.host}/openwaba/qr/${r.code}.${format.toLowerCase()}` } : {}),
  };
}

export function registerQrCodeRoutes(app: FastifyInstance, platform: Platform): void {
  // Create, or with `code` change the prefilled message of an existing one.
  app.post<{ Params: GraphParams }>("/:version/:id/message_qrdls", async (req, reply) => {
    const phone = await ownPhoneNumber(platform, await authenticate(platform, req), req.params.id, "POST");
    const b = parseParams(create, req.body ?? {});
    if (b.code) {
      const r = await platform.db
        .updateTable("message_qrdls")
        .set({ prefilled_message: b.prefilled_message })
        .where("code", "=", b.code)
        .where("phone_number_id", "=", phone.id)
        .executeTakeFirst();
      if (!Number(r.numUpdatedRows)) throw unknownObject(b.code, "POST");
      return reply.send(present(req, { code: b.code, prefilled_message: b.prefilled_message }, b.generate_qr_image));
    }
    const n = await platform.db
      .selectFrom("message_qrdls")
      .select((e) => e.fn.countAll<number>().as("n"))
      .where("phone_number_id", "=", phone.id)
      .executeTakeFirstOrThrow();
    if (Number(n.n) >= MAX_QR_CODES)
      throw new GraphError(100, `A phone number can have at most ${MAX_QR_CODES} QR codes and short links.`);
    const row = {
      code: newCode(),
      phone_number_id: phone.id,
      prefilled_message: b.prefilled_message,
      created_at: platform.clock.now(),
    };
    await platform.db.insertInto("message_qrdls").values(row).execute();
    return reply.send(present(req, row, b.generate_qr_image));
  });

  app.get<{ Params: GraphParams }>("/:version/:id/message_qrdls", async (req, reply) => {
    const phone = await ownPhoneNumber(platform, await authenticate(platform, req), req.params.id, "GET");
    const rows = await platform.db
      .selectFrom("message_qrdls")
      .selectAll()
      .where("phone_number_id", "=", phone.id)
      .orderBy("created_at")
      .execute();
    return reply.send({ data: rows.map((r) => present(req, r)) });
  });

  app.get<{ Params: GraphParams & { code: string } }>("/:version/:id/message_qrdls/:code", async (req, reply) => {
    const phone = await ownPhoneNumber(platform, await authenticate(platform, req), req.params.id, "GET");
    const r = await platform.db
      .selectFrom("message_qrdls")
      .selectAll()
      .where("code", "=", req.params.code)
      .where("phone_number_id", "=", phone.id)
      .executeTakeFirst();
    if (!r) throw unknownObject(req.params.code, "GET");
    return reply.send({ data: [present(req, r)] });
  });

  app.delete<{ Params: GraphParams & { code: string } }>("/:version/:id/message_qrdls/:code", async (req, reply) => {
    const phone = await ownPhoneNumber(platform, await authenticate(platform, req), req.params.id, "DELETE");
    const r = await platform.db
      .deleteFrom("message_qrdls")
      .where("code", "=", req.params.code)
      .where("phone_number_id", "=", phone.id)
      .executeTakeFirst();
    if (!Number(r.numDeletedRows)) throw unknownObject(req.params.code, "DELETE");
    return reply.send({ success: true });
  });

  // The image itself (public, like Meta's CDN link): it only encodes the public deep link.
  app.get<{ Params: { file: string } }>("/openwaba/qr/:file", async (req, reply) => {
    const m = /^([A-Z0-9]{1,64})\.(svg|png)$/.exec(req.params.file);
    const r = m
      ? await platform.db.selectFrom("message_qrdls").select("code").where("code", "=", m[1]).executeTakeFirst()
      : undefined;
    if (!m || !r) throw new GraphError(100, "No such QR code image.", { http: 404 });
    if (m[2] === "svg")
      return reply.type("image/svg+xml").send(await QRCode.toString(deepLink(r.code), { type: "svg", margin: 2 }));
    return reply.type("image/png").send(await QRCode.toBuffer(deepLink(r.code), { type: "png", margin: 2, scale: 8 }));
  });
}
