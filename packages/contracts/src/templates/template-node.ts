import { z } from "zod";

// A message template as the Cloud API answers it with its default fields (GET /{waba-id}/message_templates,
// GET /{template-id}?fields=id,name,language,status,category,parameter_format,components,rejected_reason).
// Loose: Meta adds fields, and what it adds passes through.

/** A button as the template holds it (QUICK_REPLY, URL, PHONE_NUMBER, COPY_CODE, OTP…). */
export const templateNodeButton = z.looseObject({
  type: z.string(),
  text: z.string().optional(),
  url: z.string().optional(),
  phone_number: z.string().optional(),
  example: z.union([z.string(), z.array(z.string())]).optional(),
  otp_type: z.string().optional(),
  autofill_text: z.string().optional(),
  supported_apps: z.array(z.object({ package_name: z.string(), signature_hash: z.string() })).optional(),
});
export type TemplateNodeButton = z.infer<typeof templateNodeButton>;

const namedExamples = z.array(z.object({ param_name: z.string(), example: z.string() }));

/** One component as the template holds it (HEADER, BODY, FOOTER, BUTTONS), with its examples. */
export const templateNodeComponent = z.looseObject({
  type: z.string(),
  format: z.string().optional(),
  text: z.string().optional(),
  add_security_recommendation: z.boolean().optional(),
  code_expiration_minutes: z.number().optional(),
  example: z
    .looseObject({
      header_text: z.array(z.string()).optional(),
      header_handle: z.array(z.string()).optional(),
      header_text_named_params: namedExamples.optional(),
      body_text: z.array(z.array(z.string())).optional(),
      body_text_named_params: namedExamples.optional(),
    })
    .optional(),
  buttons: z.array(templateNodeButton).optional(),
});
export type TemplateNodeComponent = z.infer<typeof templateNodeComponent>;

export const templateNode = z.looseObject({
  id: z.string(),
  name: z.string(),
  language: z.string(),
  status: z.string(),
  category: z.string(),
  parameter_format: z.string().optional(),
  components: z.array(templateNodeComponent),
  rejected_reason: z.string().optional(),
  quality_score: z.looseObject({ score: z.string() }).optional(),
});
export type TemplateNode = z.infer<typeof templateNode>;

/** What POST /{waba-id}/message_templates answers. */
export const createdTemplate = z.looseObject({ id: z.string(), status: z.string(), category: z.string() });
export type CreatedTemplate = z.infer<typeof createdTemplate>;
