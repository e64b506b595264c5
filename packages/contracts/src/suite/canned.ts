import { z } from "zod";

// The tenant's canned responses as the suite API answers (packages/suite/src/inbox/canned.routes.ts).

/** A canned response: typed after "/" in the composer, its {{variables}} filled from the conversation. */
export const cannedResponse = z.object({
  id: z.string(),
  shortcut: z.string(),
  title: z.string(),
  body: z.string(),
  variables: z.array(z.string()),
});
export type CannedResponse = z.infer<typeof cannedResponse>;

/** GET /suite/api/canned-responses. */
export const cannedResponseList = z.object({ data: z.array(cannedResponse) });
export type CannedResponseList = z.infer<typeof cannedResponseList>;
