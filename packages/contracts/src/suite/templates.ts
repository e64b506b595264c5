import { z } from "zod";
import { templateNode } from "../templates/template-node";

// The tenant's templates as the suite lists them (packages/suite/src/templates): the Cloud API's
// templates of each WABA, passed through.

export type { TemplateNode, TemplateNodeButton, TemplateNodeComponent } from "../templates/template-node";

/** GET /suite/api/templates. */
export const templateList = z.object({ data: z.array(templateNode) });
export type TemplateList = z.infer<typeof templateList>;
