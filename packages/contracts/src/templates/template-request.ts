import { z } from "zod";

// POST /{waba-id}/message_templates and POST /{template-id} (cloud-api-reference.md §4): the
// shape only. The rules between fields (variables, button mix, categories) live in the platform's
// template rules, which say which Meta subcode each breaks.
const upper = (v: unknown) => (typeof v === "string" ? v.toUpperCase() : v);
const namedExample = z
  .array(z.strictObject({ param_name: z.string().min(1).max(64), example: z.string().min(1).max(1024) }))
  .min(1)
  .max(100);

const header = z.strictObject({
  type: z.literal("HEADER"),
  format: z.preprocess(upper, z.enum(["TEXT", "IMAGE", "VIDEO", "DOCUMENT", "LOCATION", "GIF"])),
  text: z.string().min(1).max(60).optional(),
  example: z
    .strictObject({
      header_text: z.array(z.string().min(1).max(60)).max(1).optional(),
      header_handle: z.array(z.string().min(1).max(2048)).min(1).max(1).optional(),
      header_text_named_params: namedExample.optional(),
    })
    .optional(),
});

const body = z.strictObject({
  type: z.literal("BODY"),
  text: z.string().min(1).max(1024).optional(),
  add_security_recommendation: z.boolean().optional(),
  example: z
    .strictObject({
      body_text: z
        .array(z.array(z.string().min(1).max(1024)).min(1).max(100))
        .min(1)
        .max(1)
        .optional(),
      body_text_named_params: namedExample.optional(),
    })
    .optional(),
});

const footer = z.strictObject({
  type: z.literal("FOOTER"),
  text: z.string().min(1).max(60).optional(),
  code_expiration_minutes: z.number().int().min(1).max(90).optional(),
});

const buttonText = z.string().min(1).max(25);
const button = z.preprocess(
  (b) => (b && typeof b === "object" ? { ...b, type: upper((b as any).type) } : b),
  z.discriminatedUnion("type", [
    z.strictObject({ type: z.literal("QUICK_REPLY"), text: buttonText }),
    z.strictObject({
      type: z.literal("URL"),
      text: buttonText,
      url: z.string().min(1).max(2000),
      example: z.array(z.string().min(1).max(2000)).min(1).max(1).optional(),
    }),
    z.strictObject({ type: z.literal("PHONE_NUMBER"), text: buttonText, phone_number: z.string().min(1).max(20) }),
    z.strictObject({ type: z.literal("COPY_CODE"), example: z.string().min(1).max(15) }),
    z.strictObject({
      type: z.literal("OTP"),
      otp_type: z.preprocess(upper, z.enum(["COPY_CODE", "ONE_TAP", "ZERO_TAP"])),
      text: buttonText.optional(),
      autofill_text: buttonText.optional(),
      zero_tap_terms_accepted: z.boolean().optional(),
      supported_apps: z
        .array(z.strictObject({ package_name: z.string().min(1).max(224), signature_hash: z.string().length(11) }))
        .max(5)
        .optional(),
    }),
    z.strictObject({
      type: z.literal("FLOW"),
      text: buttonText,
      flow_id: z.union([z.string(), z.number()]).optional(),
      flow_name: z.string().max(200).optional(),
      flow_json: z.string().max(100_000).optional(),
      flow_action: z.enum(["navigate", "data_exchange"]).optional(),
      navigate_screen: z.string().max(200).optional(),
    }),
    z.strictObject({ type: z.literal("VOICE_CALL"), text: buttonText }),
    z.strictObject({ type: z.literal("CATALOG"), text: buttonText.optional() }),
    z.strictObject({ type: z.literal("MPM"), text: buttonText.optional() }),
    z.strictObject({ type: z.literal("SPM"), text: buttonText.optional() }),
  ]),
);
const buttons = z.strictObject({ type: z.literal("BUTTONS"), buttons: z.array(button).min(1).max(10) });

export const templateComponent = z.preprocess(
  (c) => (c && typeof c === "object" ? { ...c, type: upper((c as any).type) } : c),
  z.discriminatedUnion("type", [header, body, footer, buttons]),
);
export type TemplateComponent = z.infer<typeof templateComponent>;

export const TEMPLATE_CATEGORIES = ["MARKETING", "UTILITY", "AUTHENTICATION"] as const;
export type TemplateCategory = (typeof TEMPLATE_CATEGORIES)[number];

export const createTemplateRequest = z.looseObject({
  name: z
    .string()
    .min(1)
    .max(512)
    .regex(/^[a-z0-9_]+$/, { message: "lowercase letters, digits and underscores only" }),
  language: z.string().regex(/^[a-z]{2,3}(_[A-Z]{2,4})?$/, { message: "a language code like en_US or pl" }),
  category: z.preprocess(upper, z.enum(TEMPLATE_CATEGORIES)),
  allow_category_change: z.boolean().optional(),
  parameter_format: z
    .preprocess((v) => (typeof v === "string" ? v.toLowerCase() : v), z.enum(["positional", "named"]))
    .optional(),
  message_send_ttl_seconds: z.number().int().min(30).max(2_592_000).optional(),
  components: z.array(templateComponent).min(1).max(4),
});
export type CreateTemplateRequest = z.infer<typeof createTemplateRequest>;

export const editTemplateRequest = z.looseObject({
  category: z.preprocess(upper, z.enum(TEMPLATE_CATEGORIES)).optional(),
  components: z.array(templateComponent).min(1).max(4).optional(),
  message_send_ttl_seconds: z.number().int().min(30).max(2_592_000).optional(),
});
export type EditTemplateRequest = z.infer<typeof editTemplateRequest>;
