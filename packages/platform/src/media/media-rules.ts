// Supported media types and size limits (cloud-api-reference.md §2 and §3).
const MB = 1024 * 1024;

export const MEDIA_LIMITS: Record<string, { kind: string; maxBytes: number }> = {
  "audio/aac": { kind: "audio", maxBytes: 16 * MB },
  "audio/amr": { kind: "audio", maxBytes: 16 * MB },
  "audio/mpeg": { kind: "audio", maxBytes: 16 * MB },
  "audio/mp4": { kind: "audio", maxBytes: 16 * MB },
  "audio/ogg": { kind: "audio", maxBytes: 16 * MB },
  "text/plain": { kind: "document", maxBytes: 100 * MB },
  "application/pdf": { kind: "document", maxBytes: 100 * MB },
  "application/msword": { kind: "document", maxBytes: 100 * MB },
  "application/vnd.ms-excel": { kind: "document", maxBytes: 100 * MB },
  "application/vnd.ms-powerpoint": { kind: "document", maxBytes: 100 * MB },
  "application/vnd.openxmlformats-officedocument.wordprocessingml.document": { kind: "document", maxBytes: 100 * MB },
  "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": { kind: "document", maxBytes: 100 * MB },
  "application/vnd.openxmlformats-officedocument.presentationml.presentation": { kind: "document", maxBytes: 100 * MB },
  "image/jpeg": { kind: "image", maxBytes: 5 * MB },
  "image/png": { kind: "image", maxBytes: 5 * MB },
  "image/webp": { kind: "sticker", maxBytes: 500 * 1024 },
  "video/mp4": { kind: "video", maxBytes: 16 * MB },
  "video/3gpp": { kind: "video", maxBytes: 16 * MB },
};

/** The largest upload of any type: the streaming parser stops reading past it. */
export const MAX_MEDIA_BYTES = 100 * MB;

/** Media uploaded to Meta is kept 30 days; what users send, 7 days (§3). */
export const UPLOADED_MEDIA_TTL_MS = 30 * 24 * 3600 * 1000;
export const INBOUND_MEDIA_TTL_MS = 7 * 24 * 3600 * 1000;

export const normaliseMime = (mime: string): string => mime.split(";")[0].trim().toLowerCase();

export function mediaLimit(mime: string): { kind: string; maxBytes: number } | null {
  return MEDIA_LIMITS[normaliseMime(mime)] ?? null;
}

/** Which MIME types a message of this type may carry (stickers are WebP; documents take any). */
export function mimeFitsType(type: string, mime: string): boolean {
  const limit = mediaLimit(mime);
  if (!limit) return false;
  if (type === "document") return true;
  if (type === "sticker") return limit.kind === "sticker";
  if (type === "image") return limit.kind === "image";
  return limit.kind === type;
}

export const mediaTypeMismatch = (type: string, mime: string) => `Media of type ${mime} cannot be sent as ${type}.`;
