import { Readable } from "node:stream";
import { z } from "zod";
import { GraphError, contactsArray, paramError, parseParams } from "@openwaba/contracts";
import { fromJson, type Db, type OutboundHttp, type OutboundResponse } from "@openwaba/store";
import type { PlatformPort } from "./platform-port";

// What a simulated user can send to a business (POST /simulator/users/{wa_id}/messages). The
// body mirrors Meta's inbound types; media carry their bytes (base64 `data`) or a `link`.
const media = z
  .strictObject({
    data: z.base64().optional(),
    link: z.url().optional(),
    mime_type: z.string().max(255).optional(),
    caption: z.string().max(1024).optional(),
    filename: z.string().max(240).optional(),
    voice: z.boolean().optional(),
  })
  .refine((m) => (m.data === undefined) !== (m.link === undefined), {
    message: "exactly one of data or link",
    params: { rule: "data_or_link" },
  });

const body = z.looseObject({
  to: z.string().min(1).max(32),
  type: z.enum([
    "text",
    "image",
    "video",
    "audio",
    "document",
    "sticker",
    "location",
    "contacts",
    "reaction",
    "interactive",
    "button",
  ]),
  context: z.strictObject({ message_id: z.string().min(1) }).optional(),
  // The user came from a Click-to-WhatsApp ad or a Page post's button (a free entry point).
  referral: z
    .strictObject({
      source_type: z.enum(["ad", "post"]),
      source_id: z.string().max(64).optional(),
      source_url: z.url().optional(),
      headline: z.string().max(256).optional(),
      body: z.string().max(1024).optional(),
      media_type: z.enum(["image", "video"]).optional(),
      image_url: z.url().optional(),
      video_url: z.url().optional(),
      thumbnail_url: z.url().optional(),
      ctwa_clid: z.string().max(256).optional(),
    })
    .optional(),
});
const objects: Record<string, z.ZodType> = {
  text: z.strictObject({ body: z.string().min(1).max(4096) }),
  image: media,
  video: media,
  audio: media,
  document: media,
  sticker: media,
  location: z.strictObject({
    latitude: z.number().min(-90).max(90),
    longitude: z.number().min(-180).max(180),
    name: z.string().max(1000).optional(),
    address: z.string().max(1000).optional(),
    url: z.string().max(2000).optional(),
  }),
  contacts: contactsArray,
  reaction: z.strictObject({ message_id: z.string().min(1), emoji: z.string().max(32) }),
  // A tap on a template's quick-reply button, named by its text or its payload.
  button: z
    .strictObject({ text: z.string().min(1).max(256).optional(), payload: z.string().min(1).max(256).optional() })
    .refine((b) => b.text !== undefined || b.payload !== undefined, { message: "name the button by text or payload" }),
  interactive: z.discriminatedUnion("type", [
    z.strictObject({ type: z.literal("button_reply"), button_reply: z.strictObject({ id: z.string().min(1) }) }),
    z.strictObject({ type: z.literal("list_reply"), list_reply: z.strictObject({ id: z.string().min(1) }) }),
  ]),
};

const DEFAULT_MIME: Record<string, string> = {
  image: "image/jpeg",
  video: "video/mp4",
  audio: "audio/ogg",
  document: "application/pdf",
  sticker: "image/webp",
};

export interface ParsedUserMessage {
  to: string;
  type: string;
  object: unknown;
  context?: { from: string; id: string };
  referral?: Record<string, unknown>;
  shown: unknown;
}

/** Validates what the user sends and turns it into Meta's inbound type object. */
export async function parseUserMessage(
  port: PlatformPort,
  db: Db,
  waId: string,
  raw: unknown,
): Promise<ParsedUserMessage> {
  const m = await parseMessage(port, db, waId, raw);
  const r = (raw as { referral?: z.infer<typeof body>["referral"] }).referral;
  return r ? { ...m, referral: referralObject(r, waId) } : m;
}

/** Meta's `referral` object, with the ids an ad click carries filled in when the caller gave none. */
function referralObject(r: NonNullable<z.infer<typeof body>["referral"]>, waId: string): Record<string, unknown> {
  const sourceId = r.source_id ?? String(120_000_000_000_000 + (hash(waId) % 1_000_000_000));
  return {
    source_url:
      r.source_url ?? (r.source_type === "ad" ? `https://fb.me/${sourceId}` : `https://www.facebook.com/${sourceId}`),
    source_id: sourceId,
    source_type: r.source_type,
    ...(r.headline ? { headline: r.headline } : {}),
    ...(r.body ? { body: r.body } : {}),
    ...(r.media_type ? { media_type: r.media_type } : {}),
    ...(r.image_url ? { image_url: r.image_url } : {}),
    ...(r.video_url ? { video_url: r.video_url } : {}),
    ...(r.thumbnail_url ? { thumbnail_url: r.thumbnail_url } : {}),
    ...(r.source_type === "ad" ? { ctwa_clid: r.ctwa_clid ?? `ARA${sourceId}${hash(waId).toString(36)}` } : {}),
  };
}

const hash = (s: string) => [...s].reduce((h, c) => (h * 31 + c.charCodeAt(0)) >>> 0, 7);

async function parseMessage(port: PlatformPort, db: Db, waId: string, raw: unknown): Promise<ParsedUserMessage> {
  const e = parseParams(body, raw);
  const { to, type } = e;
  const phone = await port.phoneNumber(to);
  if (!phone) throw new GraphError(100, `Param to: ${to} is not a business phone-number id.`);
  const rawObject = (raw as Record<string, unknown>)[type];
  if (rawObject === undefined) throw new GraphError(131008, `The parameter ${type} is required.`);
  const r = objects[type].safeParse(rawObject);
  if (!r.success) {
    if ((r.error.issues[0] as { params?: { rule?: string } }).params?.rule === "data_or_link")
      throw new GraphError(131008, `The parameter ${type}['data'] or ${type}['link'] is required (not both).`);
    throw paramError(r.error.issues[0], rawObject, [type]);
  }
  const o = r.data as any;

  const chatMessage = async (id: string) => {
    const m = await db
      .selectFrom("sim_chat")
      .selectAll()
      .where("id", "=", id)
      .where("wa_id", "=", waId)
      .where("phone_number_id", "=", to)
      .executeTakeFirst();
    return m && m.ticks !== "pending" ? m : null;
  };
  let context: ParsedUserMessage["context"];
  if (e.context) {
    const m = await chatMessage(e.context.message_id);
    if (!m)
      throw new GraphError(100, `Param context['message_id']: ${e.context.message_id} is not a message in this chat.`);
    context = { from: m.direction === "received" ? phone.display_phone_number : waId, id: m.id };
  }

  if (type in DEFAULT_MIME) {
    const mime = o.mime_type ?? DEFAULT_MIME[type];
    const source =
      o.data !== undefined ? Readable.from([Buffer.from(o.data, "base64")]) : await fetchStream(port.http, o.link);
    const stored = await port.storeInboundMedia({ phoneNumberId: to, mime, filename: o.filename, source });
    const object: Record<string, unknown> = { mime_type: stored.mime_type, sha256: stored.sha256, id: stored.id };
    if (o.caption && type !== "audio" && type !== "sticker") object.caption = o.caption;
    if (type === "document") object.filename = o.filename ?? "document";
    if (type === "audio") object.voice = !!o.voice;
    if (type === "sticker") object.animated = false;
    return { to, type, object, context, shown: object };
  }
  if (type === "reaction") {
    if (!(await chatMessage(o.message_id)))
      throw new GraphError(100, `Param reaction['message_id']: ${o.message_id} is not a message in this chat.`);
    return {
      to,
      type,
      object: { message_id: o.message_id, ...(o.emoji ? { emoji: o.emoji } : {}) },
      context,
      shown: o,
    };
  }
  if (type === "button") {
    if (!context)
      throw new GraphError(
        131008,
        "The parameter context['message_id'] is required: name the template message whose button was tapped.",
      );
    const m = (await chatMessage(context.id))!;
    const buttons = (fromJson<any>(m.content, {}).rendered?.buttons ?? []) as {
      type: string;
      text?: string;
      payload?: string;
    }[];
    const b = buttons.find(
      (x) => x.type === "quick_reply" && (x.text === o.text || (o.payload !== undefined && x.payload === o.payload)),
    );
    if (m.direction !== "received" || m.type !== "template" || !b)
      throw new GraphError(100, "Param button: the message has no quick-reply button with that text or payload.");
    const object = { text: b.text, payload: b.payload };
    return { to, type, object, context, shown: object };
  }
  if (type === "interactive") {
    // A tap on a button or list row of a business message: the title comes from that message.
    if (!context)
      throw new GraphError(
        131008,
        "The parameter context['message_id'] is required: name the message whose button or row was tapped.",
      );
    const m = (await chatMessage(context.id))!;
    const sent = fromJson<any>(m.content, {});
    const kind = o.type === "button_reply" ? "button" : "list";
    if (m.direction !== "received" || m.type !== "interactive" || sent.type !== kind)
      throw new GraphError(100, `Param context['message_id'] must be an interactive ${kind} message.`);
    if (kind === "button") {
      const b = sent.action.buttons.find((x: any) => x.reply.id === o.button_reply.id);
      if (!b)
        throw new GraphError(100, `Param interactive['button_reply']['id']: no button with id ${o.button_reply.id}.`);
      const object = { type: "button_reply", button_reply: { id: b.reply.id, title: b.reply.title } };
      return { to, type, object, context, shown: object };
    }
    const row = sent.action.sections.flatMap((s: any) => s.rows).find((x: any) => x.id === o.list_reply.id);
    if (!row) throw new GraphError(100, `Param interactive['list_reply']['id']: no row with id ${o.list_reply.id}.`);
    const object = {
      type: "list_reply",
      list_reply: { id: row.id, title: row.title, ...(row.description ? { description: row.description } : {}) },
    };
    return { to, type, object, context, shown: object };
  }
  return { to, type, object: o, context, shown: o };
}

async function fetchStream(http: OutboundHttp, link: string): Promise<Readable> {
  let res: OutboundResponse;
  try {
    res = await http.request({ url: link, timeoutMs: 10_000, redirect: "follow" });
  } catch (err) {
    throw new GraphError(131052, `Could not download ${link}: ${(err as Error).message}`);
  }
  const body = res.ok ? res.stream() : null;
  if (!body) throw new GraphError(131052, `Could not download ${link}: HTTP ${res.status}`);
  return body;
}
