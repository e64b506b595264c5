import type { Readable } from "node:stream";
import type { FastifyInstance } from "fastify";
import { GraphError, unknownObject } from "@openwaba/contracts";
import type { Principal } from "../directory";
import { UPLOADED_MEDIA_TTL_MS } from "../media/media-rules";
import { storeMedia } from "../media/media-store";
import {
  UPLOAD_SESSION_TTL_MS,
  decodeUploadSession,
  encodeUploadSession,
  fileHandle,
  uploadRequest,
  type UploadSession,
} from "../media/upload-session";
import { graphId } from "../ids";
import type { Platform } from "../platform";
import { authenticate, type GraphParams } from "./graph-request";
import { deleteMediaRow } from "./media-upload.route";

type SessionParams = { version: string; session: string };
const SESSION = "/:version/:session(^upload:.+$)";

/**
 * The Resumable Upload API (§3, §10b), which template header samples come from:
 * POST /{app-id}/uploads?file_name&file_length&file_type → {id:"upload:…"}; POST /upload:… with
 * the bytes and `file_offset: 0` → {h} (the handle for example.header_handle); GET /upload:… →
 * {id, file_offset}. A file arrives in one piece here: a broken upload starts again at offset 0.
 */
export function registerUploadRoutes(app: FastifyInstance, platform: Platform): void {
  app.post<{ Params: GraphParams; Querystring: Record<string, unknown> }>(
    "/:version/:id/uploads",
    async (req, reply) => {
      const p = await authenticate(platform, req);
      if (req.params.id !== p.appId) throw unknownObject(req.params.id, "POST");
      const r = uploadRequest(req.query);
      const session: UploadSession = {
        appId: p.appId,
        mediaId: graphId(),
        ...r,
        expiresAt: platform.clock.now() + UPLOAD_SESSION_TTL_MS,
      };
      return reply.send({ id: encodeUploadSession(platform.config.mediaUrlSecret, session) });
    },
  );

  const sessionOf = (p: Principal, params: SessionParams, sig: unknown, method: string): UploadSession => {
    const s = decodeUploadSession(
      platform.config.mediaUrlSecret,
      params.session,
      typeof sig === "string" ? sig : undefined,
      platform.clock.now(),
    );
    if (!s || s.appId !== p.appId) throw unknownObject(params.session, method);
    return s;
  };
  const arrived = async (s: UploadSession) =>
    !!(await platform.db.selectFrom("media").select("id").where("id", "=", s.mediaId).executeTakeFirst());

  app.get<{ Params: SessionParams; Querystring: { sig?: string } }>(SESSION, async (req, reply) => {
    const s = sessionOf(await authenticate(platform, req), req.params, req.query.sig, "GET");
    return reply.send({ id: req.params.session, file_offset: (await arrived(s)) ? s.fileLength : 0 });
  });

  // The bytes come as they are (curl --data-binary sends them as form-encoded): this scope reads
  // any body as a stream, whatever its content type says.
  void app.register(async (scope) => {
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser("*", (_req, payload, done) => done(null, payload));
    scope.post<{ Params: SessionParams; Querystring: { sig?: string } }>(SESSION, async (req, reply) => {
      const p = await authenticate(platform, req);
      const s = sessionOf(p, req.params, req.query.sig, "POST");
      const source = req.body as Readable | undefined;
      const offsetText = req.headers.file_offset;
      const done = await arrived(s);
      const refuse = (err: GraphError) => {
        source?.resume();
        return err;
      };
      if (typeof offsetText !== "string" || !/^\d+$/.test(offsetText))
        throw refuse(
          new GraphError(
            131008,
            "The header file_offset is required: the byte the upload starts at (0 for a new upload).",
          ),
        );
      if (done)
        throw refuse(
          new GraphError(
            100,
            `This upload session has its whole file already (file_offset ${s.fileLength}); use its handle, or start a new session for another file.`,
          ),
        );
      if (Number(offsetText) !== 0)
        throw refuse(
          new GraphError(
            100,
            "Param file_offset must be 0: nothing of this file has arrived yet (GET the session for its offset).",
          ),
        );
      if (!source) throw new GraphError(131008, "The file's bytes are required as the request body.");
      let stored: Awaited<ReturnType<typeof storeMedia>>;
      try {
        stored = await storeMedia(platform, {
          id: s.mediaId,
          wabaId: p.wabaId,
          phoneNumberId: null,
          mime: s.fileType,
          source,
          origin: "upload",
          ttlMs: UPLOADED_MEDIA_TTL_MS,
        });
      } catch (err) {
        // Two uploads to one session at once: the one that lost finds the file there.
        if (!(err instanceof GraphError) && (await arrived(s)))
          throw new GraphError(100, "This upload session has its whole file already; use its handle.");
        throw err;
      }
      if (stored.file_size !== s.fileLength) {
        await deleteMediaRow(platform, stored.id);
        throw new GraphError(
          100,
          `The session's file_length is ${s.fileLength} bytes but ${stored.file_size} arrived; nothing was kept, upload the whole file again from offset 0.`,
        );
      }
      return reply.send({ h: fileHandle(s.mediaId) });
    });
  });
}
