import { createHmac, timingSafeEqual } from "node:crypto";
import { GraphError } from "@openwaba/contracts";
import { mediaLimit, normaliseMime } from "./media-rules";

// Resumable upload sessions (cloud-api-reference.md §3, §10b "Resumable upload"): what
// POST /{app-id}/uploads hands out. A session carries what it is for and is signed, so the
// server keeps nothing until the bytes arrive; the file then gets the media id named inside.

/** The types Meta's Resumable Upload API takes (its guide "Upload a file"). */
export const UPLOAD_FILE_TYPES = ["application/pdf", "image/jpeg", "image/jpg", "image/png", "video/mp4"] as const;
/** How long a session may wait for its bytes. */
export const UPLOAD_SESSION_TTL_MS = 24 * 3600 * 1000;

export interface UploadSession {
  appId: string;
  mediaId: string;
  fileType: string;
  fileLength: number;
  expiresAt: number;
}

const sign = (secret: string, payload: string) =>
  createHmac("sha256", secret).update(`upload.${payload}`).digest("base64url");

/**
 * The session id as Meta writes it: `upload:<payload>?sig=<signature>`. The payload stays short
 * (a path segment of at most 100 characters): the app, the media id, the type, the length, the end.
 */
export function encodeUploadSession(secret: string, s: UploadSession): string {
  const fields = [
    s.appId,
    s.mediaId,
    UPLOAD_FILE_TYPES.indexOf(s.fileType as (typeof UPLOAD_FILE_TYPES)[number]),
    s.fileLength,
    s.expiresAt.toString(36),
  ];
  const payload = Buffer.from(fields.join(".")).toString("base64url");
  return `upload:${payload}?sig=${sign(secret, payload)}`;
}

/** The session an id and its sig name; null for anything made up, changed or expired. */
export function decodeUploadSession(
  secret: string,
  id: string,
  sig: string | undefined,
  now: number,
): UploadSession | null {
  const payload = /^upload:([A-Za-z0-9_-]{1,2048})$/.exec(id)?.[1];
  if (!payload || !sig) return null;
  const want = Buffer.from(sign(secret, payload));
  const got = Buffer.from(sig);
  if (got.length !== want.length || !timingSafeEqual(got, want)) return null;
  const [appId, mediaId, type, length, end] = Buffer.from(payload, "base64url").toString("utf8").split(".");
  const expiresAt = parseInt(end, 36);
  if (!(expiresAt > now)) return null;
  return { appId, mediaId, fileType: UPLOAD_FILE_TYPES[Number(type)], fileLength: Number(length), expiresAt };
}

/** Checks the query of POST /{app-id}/uploads; the problem names the parameter. */
export function uploadRequest(q: Record<string, unknown>): { fileType: string; fileLength: number } {
  const need = (k: string) => {
    const v = q[k];
    if (typeof v !== "string" || v === "") throw new GraphError(131008, `The parameter ${k} is required.`);
    return v;
  };
  const fileName = need("file_name");
  const lengthText = need("file_length");
  const typeText = need("file_type");
  if (fileName.length > 255 || /[\r\n\\/]/.test(fileName))
    throw new GraphError(
      100,
      "Param file_name must be a file name of at most 255 characters, without slashes or line breaks.",
    );
  if (!/^\d{1,12}$/.test(lengthText) || Number(lengthText) < 1)
    throw new GraphError(100, "Param file_length must be the file's size in bytes, a whole number above 0.");
  const fileType = normaliseMime(typeText) === "image/jpg" ? "image/jpeg" : normaliseMime(typeText);
  if (!(UPLOAD_FILE_TYPES as readonly string[]).includes(normaliseMime(typeText))) {
    throw new GraphError(100, `Param file_type must be one of {${UPLOAD_FILE_TYPES.join(", ")}}.`);
  }
  const fileLength = Number(lengthText);
  const max = mediaLimit(fileType)!.maxBytes;
  if (fileLength > max)
    throw new GraphError(
      100,
      `Param file_length (${fileLength}) is more than the ${max} bytes allowed for ${fileType}.`,
    );
  return { fileType, fileLength };
}

/** The file handle of an uploaded file, for example.header_handle. */
export const fileHandle = (mediaId: string) => `4::${Buffer.from(`media:${mediaId}`).toString("base64url")}`;
