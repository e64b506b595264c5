import type { FastifyInstance } from "fastify";
import type { MultipartFile } from "@fastify/multipart";
import { GraphError } from "@openwaba/contracts";
import { storeMedia, type MediaRecord } from "../media/media-store";
import { UPLOADED_MEDIA_TTL_MS } from "../media/media-rules";
import type { Platform } from "../platform";
import { authenticate, ownPhoneNumber, type GraphParams } from "./graph-request";

/**
 * POST /{phone-number-id}/media (§3): multipart with messaging_product, type and file. The file
 * streams to disk as it arrives; the type field, when it comes first, decides the limit.
 */
export function registerMediaUploadRoute(app: FastifyInstance, platform: Platform): void {
  app.post<{ Params: GraphParams }>("/:version/:id/media", async (req, reply) => {
    const principal = await authenticate(platform, req);
    const phone = await ownPhoneNumber(platform, principal, req.params.id, "POST");
    if (!req.isMultipart())
      throw new GraphError(
        100,
        "Upload media as multipart/form-data with the fields messaging_product, type and file.",
      );
    const fields: Record<string, string> = {};
    let stored: MediaRecord | null = null;
    try {
      for await (const part of req.parts()) {
        if (part.type === "field") {
          fields[part.fieldname] = String(part.value);
          continue;
        }
        const file = part as MultipartFile;
        if (file.fieldname !== "file" || stored) {
          file.file.resume();
          throw new GraphError(100, `Unexpected file field "${file.fieldname}"; send exactly one field named file.`);
        }
        stored = await storeMedia(platform, {
          wabaId: phone.waba_id,
          phoneNumberId: phone.id,
          mime: fields.type ?? file.mimetype,
          filename: file.filename || null,
          source: file.file,
          origin: "upload",
          ttlMs: UPLOADED_MEDIA_TTL_MS,
        });
      }
      if (fields.messaging_product !== "whatsapp")
        throw new GraphError(
          fields.messaging_product ? 100 : 131008,
          fields.messaging_product
            ? "Param messaging_product must be one of {whatsapp}."
            : "The parameter messaging_product is required.",
        );
      if (!stored) throw new GraphError(131008, "The parameter file is required.");
      if (fields.type && fields.type.split(";")[0].trim().toLowerCase() !== stored.mime_type) {
        throw new GraphError(
          131053,
          `Param type (${fields.type}) does not match the file's type (${stored.mime_type}).`,
        );
      }
    } catch (err) {
      if (stored) await deleteMediaRow(platform, stored.id);
      const e = err as { code?: string; statusCode?: number };
      if (e.code === "FST_REQ_FILE_TOO_LARGE")
        throw new GraphError(131053, "The file is larger than any media type allows.");
      if (e.code?.startsWith?.("FST_") && (e.statusCode ?? 500) < 500)
        throw new GraphError(100, (err as Error).message);
      throw err;
    }
    return reply.send({ id: stored.id });
  });
}

export async function deleteMediaRow(platform: Platform, id: string): Promise<boolean> {
  const row = await platform.db.deleteFrom("media").where("id", "=", id).returning("blob_key").executeTakeFirst();
  if (row) await platform.blobs.remove(row.blob_key);
  return !!row;
}
