import { randomBytes, randomUUID } from "node:crypto";

/** Suite ids: UUIDs (sortable enough for our lists, which sort by time). */
export const newId = (): string => randomUUID();
/** A secret for tokens and passwords: url-safe, `bytes` of entropy. */
export const randomSecret = (bytes = 24): string => randomBytes(bytes).toString("base64url");
