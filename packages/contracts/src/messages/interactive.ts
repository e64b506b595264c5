import { z } from "zod";
import { imageObject, videoObject, documentObject } from "./media";

// Interactive messages and their limits (cloud-api-reference.md §2, "Interactive").
const body = (max: number) => z.strictObject({ text: z.string().min(1).max(max) });
const footer = z.strictObject({ text: z.string().min(1).max(60) });
const textHeader = z.strictObject({ type: z.literal("text"), text: z.string().min(1).max(60) });
const mediaHeader = z.discriminatedUnion("type", [
  textHeader,
  z.strictObject({ type: z.literal("image"), image: imageObject }),
  z.strictObject({ type: z.literal("video"), video: videoObject }),
  z.strictObject({ type: z.literal("document"), document: documentObject }),
]);

const replyButton = z.strictObject({
  type: z.literal("reply"),
  reply: z.strictObject({ id: z.string().min(1).max(256), title: z.string().min(1).max(20) }),
});

export const buttonInteractive = z
  .strictObject({
    type: z.literal("button"),
    header: mediaHeader.optional(),
    body: body(1024),
    footer: footer.optional(),
    action: z.strictObject({ buttons: z.array(replyButton).min(1).max(3) }),
  })
  .superRefine((m, ctx) => {
    const titles = m.action.buttons.map((b) => b.reply.title);
    const ids = m.action.buttons.map((b) => b.reply.id);
    titles.forEach((t, i) => {
      if (titles.indexOf(t) !== i)
        ctx.addIssue({
          code: "custom",
          path: ["action", "buttons", i, "reply", "title"],
          message: "button titles must be unique",
        });
      if (ids.indexOf(ids[i]) !== i)
        ctx.addIssue({
          code: "custom",
          path: ["action", "buttons", i, "reply", "id"],
          message: "button ids must be unique",
        });
    });
  });

const listRow = z.strictObject({
  id: z.string().min(1).max(200),
  title: z.string().min(1).max(24),
  description: z.string().max(72).optional(),
});
const listSection = z.strictObject({
  title: z.string().min(1).max(24).optional(),
  rows: z.array(listRow).min(1).max(10),
});

export const listInteractive = z
  .strictObject({
    type: z.literal("list"),
    header: textHeader.optional(),
    body: body(4096),
    footer: footer.optional(),
    action: z.strictObject({ button: z.string().min(1).max(20), sections: z.array(listSection).min(1).max(10) }),
  })
  .superRefine((m, ctx) => {
    const rows = m.action.sections.flatMap((s) => s.rows);
    if (rows.length > 10)
      ctx.addIssue({
        code: "custom",
        path: ["action", "sections"],
        message: "a list may have at most 10 rows in all sections together",
      });
    const ids = rows.map((r) => r.id);
    if (new Set(ids).size !== ids.length)
      ctx.addIssue({ code: "custom", path: ["action", "sections"], message: "row ids must be unique" });
    if (m.action.sections.length > 1) {
      m.action.sections.forEach((s, i) => {
        if (!s.title)
          ctx.addIssue({
            code: "custom",
            path: ["action", "sections", i, "title"],
            message: "a section title is required when there is more than one section",
          });
      });
    }
  });

export const ctaUrlInteractive = z.strictObject({
  type: z.literal("cta_url"),
  header: mediaHeader.optional(),
  body: body(1024),
  footer: footer.optional(),
  action: z.strictObject({
    name: z.literal("cta_url"),
    parameters: z.strictObject({
      display_text: z.string().min(1).max(20),
      url: z.url({ protocol: /^https?$/ }).max(2000),
    }),
  }),
});

export const locationRequestInteractive = z.strictObject({
  type: z.literal("location_request_message"),
  body: body(1024),
  action: z.strictObject({ name: z.literal("send_location") }),
});

export const interactiveObject = z.discriminatedUnion("type", [
  buttonInteractive,
  listInteractive,
  ctaUrlInteractive,
  locationRequestInteractive,
]);
export type InteractiveObject = z.infer<typeof interactiveObject>;
