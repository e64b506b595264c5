import { z } from "zod";
import { GraphError } from "../graph-error";
import { parseParams } from "../graph-param-error";
import { interactiveObject } from "./interactive";
import { audioObject, documentObject, imageObject, stickerObject, videoObject } from "./media";
import { contactsArray, locationObject, reactionObject, templateObject, textObject } from "./others";

// POST /{phone-number-id}/messages (cloud-api-reference.md §2).
export const TYPE_OBJECTS = {
  text: textObject,
  image: imageObject,
  video: videoObject,
  audio: audioObject,
  document: documentObject,
  sticker: stickerObject,
  location: locationObject,
  contacts: contactsArray,
  reaction: reactionObject,
  interactive: interactiveObject,
  template: templateObject,
} as const;

export type MessageType = keyof typeof TYPE_OBJECTS;
export const MESSAGE_TYPES = Object.keys(TYPE_OBJECTS) as MessageType[];

const envelope = z.looseObject({
  messaging_product: z.literal("whatsapp"),
  recipient_type: z.enum(["individual", "group"]).optional(),
  to: z.string().min(1).max(64),
  type: z.enum(MESSAGE_TYPES as [MessageType, ...MessageType[]]).optional(),
  context: z.strictObject({ message_id: z.string().min(1).max(256) }).optional(),
  biz_opaque_callback_data: z.string().max(512).optional(),
});

export const markReadRequest = z.strictObject({
  messaging_product: z.literal("whatsapp"),
  status: z.literal("read"),
  message_id: z.string().min(1).max(256),
  typing_indicator: z.strictObject({ type: z.literal("text") }).optional(),
});

export interface SendRequest {
  kind: "send";
  to: string;
  recipientType: "individual" | "group";
  type: MessageType;
  /** The type's object as validated (numbers normalised), stored and shown to the recipient. */
  content: unknown;
  contextMessageId?: string;
  bizOpaqueCallbackData?: string;
}
export interface MarkReadRequest {
  kind: "read";
  messageId: string;
  typing: boolean;
}

/** Validates a send body; throws GraphError naming the first bad field. */
export function parseMessagesRequest(body: unknown): SendRequest | MarkReadRequest {
  if (body === null || typeof body !== "object" || Array.isArray(body)) {
    throw new GraphError(100, "The request body must be a JSON object.");
  }
  const b = body as Record<string, unknown>;
  if ("status" in b) {
    const r = parseParams(markReadRequest, b);
    return { kind: "read", messageId: r.message_id, typing: !!r.typing_indicator };
  }
  const e = parseParams(envelope, b);
  const type: MessageType = e.type ?? "text";
  if (e.recipient_type === "group")
    throw new GraphError(131009, "Param recipient_type: groups are not supported by this server.");
  const schema = TYPE_OBJECTS[type] as z.ZodType;
  const raw = b[type];
  if (raw === undefined) throw new GraphError(131008, `The parameter ${type} is required.`);
  return {
    kind: "send",
    to: e.to,
    recipientType: e.recipient_type ?? "individual",
    type,
    content: parseParams(schema, raw, [type]),
    contextMessageId: e.context?.message_id,
    bizOpaqueCallbackData: e.biz_opaque_callback_data,
  };
}

/** Digits of a `to` field: Meta accepts + - ( ) and spaces around them. */
export function recipientDigits(to: string): string | null {
  if (!/^[+\d\s()-]+$/.test(to)) return null;
  const digits = to.replace(/\D/g, "");
  return digits.length >= 5 && digits.length <= 15 ? digits : null;
}
