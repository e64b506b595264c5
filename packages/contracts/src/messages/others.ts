import { z } from "zod";

// text, location, contacts, reaction and template objects (cloud-api-reference.md §2 and §4).
export const textObject = z.strictObject({ body: z.string().min(1).max(4096), preview_url: z.boolean().optional() });

const coordinate = (min: number, max: number) =>
  z
    .union([
      z.number(),
      z
        .string()
        .regex(/^-?\d+(\.\d+)?$/)
        .transform(Number),
    ])
    .pipe(z.number().min(min).max(max));

export const locationObject = z.strictObject({
  latitude: coordinate(-90, 90),
  longitude: coordinate(-180, 180),
  name: z.string().max(1000).optional(),
  address: z.string().max(1000).optional(),
});

const typed = <T extends z.ZodRawShape>(shape: T) => z.strictObject({ ...shape, type: z.string().max(64).optional() });
const contactCard = z.strictObject({
  name: z.strictObject({
    formatted_name: z.string().min(1).max(1024),
    first_name: z.string().max(256).optional(),
    last_name: z.string().max(256).optional(),
    middle_name: z.string().max(256).optional(),
    suffix: z.string().max(256).optional(),
    prefix: z.string().max(256).optional(),
  }),
  phones: z
    .array(typed({ phone: z.string().max(64).optional(), wa_id: z.string().max(32).optional() }))
    .max(20)
    .optional(),
  emails: z
    .array(typed({ email: z.string().max(320).optional() }))
    .max(20)
    .optional(),
  addresses: z
    .array(
      typed({
        street: z.string().max(1024).optional(),
        city: z.string().max(256).optional(),
        state: z.string().max(256).optional(),
        zip: z.string().max(64).optional(),
        country: z.string().max(256).optional(),
        country_code: z.string().max(8).optional(),
      }),
    )
    .max(20)
    .optional(),
  org: z
    .strictObject({
      company: z.string().max(256).optional(),
      department: z.string().max(256).optional(),
      title: z.string().max(256).optional(),
    })
    .optional(),
  urls: z
    .array(typed({ url: z.string().max(2000).optional() }))
    .max(20)
    .optional(),
  birthday: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/)
    .optional(),
});
export const contactsArray = z.array(contactCard).min(1).max(257);

export const reactionObject = z.strictObject({
  message_id: z.string().min(1).max(256),
  emoji: z
    .string()
    .max(32)
    .refine((e) => e === "" || isSingleEmoji(e), { message: "must be a single emoji" }),
});

function isSingleEmoji(s: string): boolean {
  const graphemes = [...new Intl.Segmenter("en", { granularity: "grapheme" }).segment(s)];
  return graphemes.length === 1 && /\p{Extended_Pictographic}|\p{Regional_Indicator}/u.test(s);
}

// A template send (cloud-api-reference.md §4, "Send"): the shape of its parameters. Whether they
// fit the approved template is the platform's template-parameter rules.
const named = { parameter_name: z.string().min(1).max(64).optional() };
const mediaParam = z.strictObject({
  id: z.string().min(1).max(64).optional(),
  link: z.string().min(1).max(2000).optional(),
  filename: z.string().max(240).optional(),
  caption: z.string().max(1024).optional(),
});
export const templateParameter = z.discriminatedUnion("type", [
  z.strictObject({ type: z.literal("text"), text: z.string().min(1).max(32_768), ...named }),
  z.strictObject({
    type: z.literal("currency"),
    currency: z.strictObject({
      fallback_value: z.string().min(1).max(1024),
      code: z.string().length(3),
      amount_1000: z.number().int(),
    }),
    ...named,
  }),
  z.strictObject({
    type: z.literal("date_time"),
    date_time: z.looseObject({ fallback_value: z.string().min(1).max(1024) }),
    ...named,
  }),
  z.strictObject({ type: z.literal("image"), image: mediaParam }),
  z.strictObject({ type: z.literal("video"), video: mediaParam }),
  z.strictObject({ type: z.literal("document"), document: mediaParam }),
  z.strictObject({
    type: z.literal("location"),
    location: z.strictObject({
      latitude: z.union([z.number(), z.string()]),
      longitude: z.union([z.number(), z.string()]),
      name: z.string().max(1000).optional(),
      address: z.string().max(1000).optional(),
    }),
  }),
  z.strictObject({ type: z.literal("payload"), payload: z.string().min(1).max(256) }),
  z.strictObject({ type: z.literal("coupon_code"), coupon_code: z.string().min(1).max(15) }),
  z.strictObject({ type: z.literal("action"), action: z.looseObject({}) }),
]);
export type TemplateParameter = z.infer<typeof templateParameter>;

const lower = (v: unknown) => (typeof v === "string" ? v.toLowerCase() : v);
export const templateSendComponent = z.preprocess(
  (c) =>
    c && typeof c === "object"
      ? {
          ...c,
          type: lower((c as any).type),
          ...("sub_type" in (c as object) ? { sub_type: lower((c as any).sub_type) } : {}),
        }
      : c,
  z.discriminatedUnion("type", [
    z.strictObject({ type: z.literal("header"), parameters: z.array(templateParameter).min(1).max(1) }),
    z.strictObject({ type: z.literal("body"), parameters: z.array(templateParameter).min(1).max(100) }),
    z.strictObject({
      type: z.literal("button"),
      sub_type: z.enum(["quick_reply", "url", "copy_code", "flow", "catalog", "mpm", "voice_call"]),
      index: z.union([z.string().regex(/^\d$/), z.number().int().min(0).max(9)]).transform(Number),
      parameters: z.array(templateParameter).max(1).optional(),
    }),
  ]),
);
export type TemplateSendComponent = z.infer<typeof templateSendComponent>;

export const templateObject = z.strictObject({
  name: z.string().min(1).max(512),
  language: z.strictObject({ code: z.string().min(2).max(15), policy: z.literal("deterministic").optional() }),
  components: z.array(templateSendComponent).max(30).optional(),
});
