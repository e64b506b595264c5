import { randomBytes, randomInt, randomUUID } from "node:crypto";

/** Graph object ids are digit strings (WABA, phone number, media, app); 15–16 digits like Meta's. */
export function graphId(): string {
  return String(randomInt(1, 10)) + Array.from({ length: 14 }, () => randomInt(0, 10)).join("");
}

/**
 * wamid.<base64>: the same protobuf-like layout Meta's ids decode to (recipient digits, then a
 * random hex tag), so ids look and parse like the real ones and are unique forever.
 */
export function wamid(waId: string): string {
  // randomUUID draws from a pooled buffer: far cheaper per call than randomBytes on the send path.
  const tag = randomUUID().replace(/-/g, "").slice(0, 20).toUpperCase();
  const buf = Buffer.concat([
    Buffer.from([0x18, waId.length]),
    Buffer.from(waId, "latin1"),
    Buffer.from([0x15, 0x02, 0x00, 0x12, 0x18, tag.length]),
    Buffer.from(tag, "latin1"),
    Buffer.from([0x00]),
  ]);
  return `wamid.${buf.toString("base64")}`;
}

export const secret = (bytes = 24): string => randomBytes(bytes).toString("hex");

/** Meta's fbtrace_id: an opaque token for support tickets; ours ties to the request log line. */
export const fbtraceId = (): string => randomBytes(8).toString("base64url");
