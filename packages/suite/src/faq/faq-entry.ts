import { z } from "zod";

// What a knowledge-base entry may hold, for a new entry and for a change to one.

/** The index is rebuilt for each question: a bounded base keeps that cheap. */
export const MAX_FAQ_ENTRIES = 2000;
/** Other ways to ask one entry: each is matched on its own, so a few cost little; the words of each are the customer's. */
const MAX_ALTERNATIVES = 20;
const question = z.string().trim().min(3).max(500);
const fields = {
  question,
  answer: z.string().trim().min(1).max(4096),
  language: z
    .string()
    .regex(/^[a-z]{2}$/)
    .nullable()
    .optional(),
  alternatives: z.array(question).max(MAX_ALTERNATIVES).optional(),
};
/** An entry's phrasings must differ (ignoring case and spaces): a repeat is a typo the team should see. */
const distinctPhrasings = (e: { question?: string; alternatives?: string[] }, ctx: z.RefinementCtx) => {
  const seen = new Set(e.question ? [e.question.toLocaleLowerCase().replace(/\s+/g, " ")] : []);
  (e.alternatives ?? []).forEach((a, i) => {
    const k = a.toLocaleLowerCase().replace(/\s+/g, " ");
    if (seen.has(k))
      ctx.addIssue({
        code: "custom",
        path: ["alternatives", i],
        message: "this way of asking is already in the entry",
      });
    seen.add(k);
  });
};
export const entry = z.strictObject(fields).superRefine(distinctPhrasings);
export const entryChange = z
  .strictObject(fields)
  .partial()
  .superRefine(distinctPhrasings)
  .refine((e) => Object.keys(e).length > 0, "send at least one of question, alternatives, answer, language");
