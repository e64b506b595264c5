import { z } from "zod";

// A message template as the Cloud API answers it with its default fields (GET /{waba-id}/message_templates,
// GET /{template-id}?fields=id,name,language,status,category,parameter_format,components,rejected_reason).
// Loose: Meta adds fields, and what it adds passes through.

/** One component as the template holds it (HEADER, BODY, FOOTER, BUTTONS). */
export const templateNodeComponent = z.looseObject({
  type: z.string(),
  format: z.string().optional(),
  text: z.string().optional(),
});

export const templateNode = z.looseObject({
  id: z.string(),
  name: z.string(),
  language: z.string(),
  status: z.string(),
  category: z.string(),
  parameter_format: z.string().optional(),
  components: z.array(templateNodeComponent).optional(),
  rejected_reason: z.string().optional(),
});
export type TemplateNode = z.infer<typeof templateNode>;

/** What POST /{waba-id}/message_templates answers. */
export const createdTemplate = z.looseObject({ id: z.string(), status: z.string(), category: z.string() });
export type CreatedTemplate = z.infer<typeof createdTemplate>;
