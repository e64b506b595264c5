import { createHmac, timingSafeEqual } from "node:crypto";

/** X-Hub-Signature-256 over the exact body bytes, with the app secret. */
export function signBody(body: string | Buffer, appSecret: string): string {
  return "sha256=" + createHmac("sha256", appSecret).update(body).digest("hex");
}

export function verifySignature(body: string | Buffer, appSecret: string, header: string | undefined): boolean {
  if (!header) return false;
  const got = Buffer.from(header.replace(/^sha256=/, ""), "hex");
  const want = createHmac("sha256", appSecret).update(body).digest();
  return got.length === want.length && timingSafeEqual(got, want);
}
