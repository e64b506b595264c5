import { createHmac, timingSafeEqual } from "node:crypto";

// Receiving Cloud API webhooks (Meta's or OpenWABA's): check the signature over the exact bytes
// received, answer the subscription handshake, and flatten a payload into what happened.

/** Whether `X-Hub-Signature-256` is the HMAC-SHA256 of the raw body with the app secret. */
export function verifySignature(
  rawBody: Buffer | string,
  signatureHeader: string | undefined | null,
  appSecret: string,
): boolean {
  const got = Buffer.from(String(signatureHeader ?? "").replace(/^sha256=/, ""), "hex");
  const want = createHmac("sha256", appSecret).update(rawBody).digest();
  return got.length === want.length && timingSafeEqual(got, want);
}

/** The GET handshake: the challenge to answer with 200, or null (answer 403) when the token is wrong. */
export function handshake(query: Record<string, unknown>, verifyToken: string): string | null {
  return query["hub.mode"] === "subscribe" && query["hub.verify_token"] === verifyToken
    ? String(query["hub.challenge"] ?? "")
    : null;
}

export interface InboundMessage {
  phoneNumberId: string;
  wabaId: string;
  from: string;
  name: string | null;
  id: string;
  timestamp: number;
  type: string;
  content: any;
  context?: { id?: string; from?: string };
  referral?: unknown;
}
export interface StatusEvent {
  phoneNumberId: string;
  wabaId: string;
  id: string;
  status: string;
  recipient: string;
  timestamp: number;
  errors?: { code: number; title?: string }[];
  pricing?: unknown;
  conversation?: unknown;
}
export interface OtherChange {
  wabaId: string;
  field: string;
  value: any;
}
export interface ParsedWebhook {
  messages: InboundMessage[];
  statuses: StatusEvent[];
  others: OtherChange[];
}

/** One delivery (a batch of entries and changes) as lists of messages, statuses and other changes, in order. */
export function parseWebhook(body: any): ParsedWebhook {
  const out: ParsedWebhook = { messages: [], statuses: [], others: [] };
  for (const entry of body?.entry ?? []) {
    for (const change of entry.changes ?? []) {
      const v = change.value ?? {};
      if (change.field !== "messages") {
        out.others.push({ wabaId: entry.id, field: change.field, value: v });
        continue;
      }
      const phoneNumberId = v.metadata?.phone_number_id;
      const names = new Map<string, string>((v.contacts ?? []).map((c: any) => [c.wa_id, c.profile?.name]));
      for (const m of v.messages ?? []) {
        out.messages.push({
          phoneNumberId,
          wabaId: entry.id,
          from: m.from,
          name: names.get(m.from) ?? null,
          id: m.id,
          timestamp: Number(m.timestamp),
          type: m.type,
          content: m[m.type],
          ...(m.context ? { context: m.context } : {}),
          ...(m.referral ? { referral: m.referral } : {}),
        });
      }
      for (const s of v.statuses ?? []) {
        out.statuses.push({
          phoneNumberId,
          wabaId: entry.id,
          id: s.id,
          status: s.status,
          recipient: s.recipient_id,
          timestamp: Number(s.timestamp),
          ...(s.errors ? { errors: s.errors } : {}),
          ...(s.pricing ? { pricing: s.pricing } : {}),
          ...(s.conversation ? { conversation: s.conversation } : {}),
        });
      }
    }
  }
  return out;
}
