import { z } from "zod";

// image, video, audio, document, sticker: by uploaded id or by link (cloud-api-reference.md §2).
const mediaBase = {
  id: z.string().min(1).max(64).optional(),
  link: z.string().min(1).max(2000).optional(),
};

const idOrLink = (m: { id?: string; link?: string }) => (m.id === undefined) !== (m.link === undefined);
const idOrLinkIssue = { message: "exactly one of id or link", params: { rule: "id_or_link" } };

export const imageObject = z
  .strictObject({ ...mediaBase, caption: z.string().max(1024).optional() })
  .refine(idOrLink, idOrLinkIssue);
export const videoObject = z
  .strictObject({ ...mediaBase, caption: z.string().max(1024).optional() })
  .refine(idOrLink, idOrLinkIssue);
export const audioObject = z
  .strictObject({ ...mediaBase, voice: z.boolean().optional() })
  .refine(idOrLink, idOrLinkIssue);
export const documentObject = z
  .strictObject({
    ...mediaBase,
    caption: z.string().max(1024).optional(),
    filename: z.string().min(1).max(240).optional(),
  })
  .refine(idOrLink, idOrLinkIssue);
export const stickerObject = z.strictObject(mediaBase).refine(idOrLink, idOrLinkIssue);

export type MediaObject = { id?: string; link?: string; caption?: string; filename?: string; voice?: boolean };
export const MEDIA_TYPES = ["image", "video", "audio", "document", "sticker"] as const;
export type MediaType = (typeof MEDIA_TYPES)[number];
