import { createHmac, timingSafeEqual } from "node:crypto";
import type { FastifyInstance } from "fastify";
import { GraphError } from "@openwaba/contracts";
import type { Platform } from "../platform";
import { authenticate } from "./graph-request";

/** Download URLs live 5 minutes (§3) and are signed so they cannot be made up. */
export const MEDIA_URL_TTL_MS = 5 * 60 * 1000;

const sign = (secret: string, id: string, exp: number) =>
  createHmac("sha256", secret).update(`${id}.${exp}`).digest("base64url");

export function mediaUrl(platform: Platform, origin: string, id: string): string {
  const exp = platform.clock.now() + MEDIA_URL_TTL_MS;
  return `${origin}/lookaside/media/${id}?ext=${exp}&hash=${sign(platform.config.mediaUrlSecret, id, exp)}`;
}

/**
 * GET <url> with the Bearer token (§3, §10b): the bytes with Content-Type and Content-Length,
 * Range answered with 206; an expired or forged URL is a 404, so clients fetch a fresh one.
 */
export function registerMediaDownloadRoute(app: FastifyInstance, platform: Platform): void {
  app.get<{ Params: { id: string }; Querystring: { ext?: string; hash?: string } }>(
    "/lookaside/media/:id",
    async (req, reply) => {
      const principal = await authenticate(platform, req);
      const exp = Number(req.query.ext);
      const want = Buffer.from(sign(platform.config.mediaUrlSecret, req.params.id, exp));
      const got = Buffer.from(String(req.query.hash ?? ""));
      const notFound = () =>
        new GraphError(100, "This media URL has expired or is not valid; get a fresh one from GET /{media-id}.", {
          http: 404,
        });
      if (
        !Number.isFinite(exp) ||
        exp < platform.clock.now() ||
        got.length !== want.length ||
        !timingSafeEqual(got, want)
      )
        throw notFound();
      const m = await platform.db.selectFrom("media").selectAll().where("id", "=", req.params.id).executeTakeFirst();
      if (!m || m.waba_id !== principal.wabaId || m.expires_at <= platform.clock.now()) throw notFound();
      const size = Number(m.file_size);
      reply.header("content-type", m.mime_type).header("accept-ranges", "bytes");
      if (m.filename)
        reply.header("content-disposition", `attachment; filename="${m.filename.replace(/["\\\r\n]/g, "_")}"`);
      const range = /^bytes=(\d*)-(\d*)$/.exec(String(req.headers.range ?? ""));
      if (req.headers.range && range && (range[1] || range[2])) {
        let start = range[1] ? Number(range[1]) : size - Number(range[2]);
        let end = range[1] && range[2] ? Number(range[2]) : size - 1;
        start = Math.max(0, start);
        end = Math.min(end, size - 1);
        if (start > end || start >= size) return reply.code(416).header("content-range", `bytes */${size}`).send();
        return reply
          .code(206)
          .header("content-range", `bytes ${start}-${end}/${size}`)
          .header("content-length", end - start + 1)
          .send(platform.blobs.read(m.blob_key, { start, end }));
      }
      return reply.header("content-length", size).send(platform.blobs.read(m.blob_key));
    },
  );
}
