import { z } from "zod";

// The tenant's canned responses as the suite API answers (packages/suite/src/inbox/canned.routes.ts),
// and their {{variable}} placeholders (pure, shared by the server and the console): filled from the
// conversation (customer_name, wa_id, agent_name) and whatever the agent types (order_id…).

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

/** POST /suite/api/canned-responses. */
export const cannedResponseRequest = z.strictObject({
  shortcut: z
    .string()
    .trim()
    .regex(/^[a-z0-9_-]{1,32}$/, "use 1–32 of a-z, 0-9, _ and -"),
  title: z.string().trim().min(1).max(80),
  body: z.string().trim().min(1).max(4096),
});
export type CannedResponseRequest = z.infer<typeof cannedResponseRequest>;

const PLACEHOLDER = /\{\{\s*([a-z][a-z0-9_]*)\s*\}\}/gi;

export function cannedVariables(body: string): string[] {
  return [...new Set([...body.matchAll(PLACEHOLDER)].map((m) => m[1].toLowerCase()))];
}

/** The text with every known variable filled; `missing` names those still without a value. */
export function renderCanned(
  body: string,
  vars: Record<string, string | undefined>,
): { text: string; missing: string[] } {
  const missing = new Set<string>();
  const text = body.replace(PLACEHOLDER, (whole, name: string) => {
    const v = vars[name.toLowerCase()];
    if (v === undefined || v === "") {
      missing.add(name.toLowerCase());
      return whole;
    }
    return v;
  });
  return { text, missing: [...missing] };
}
