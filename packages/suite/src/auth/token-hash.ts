import { createHash } from "node:crypto";

/** What the store keeps of a secret token (a session's, an API key, an invitation): its SHA-256, never the token. */
export const hashToken = (token: string): string => createHash("sha256").update(token).digest("hex");
