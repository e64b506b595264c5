import { z } from "zod";
import { instant } from "./conversations";
import { faqBot } from "./settings";

// The FAQ bot's knowledge base as the suite API answers it (packages/suite/src/faq).

/** A question the bot answers, the other ways customers ask it, and the answer. */
export const faqEntry = z.object({
  id: z.string(),
  question: z.string(),
  alternatives: z.array(z.string()),
  answer: z.string(),
  language: z.string().nullable(),
});
export type FaqEntry = z.infer<typeof faqEntry>;

/** GET /suite/api/faq: the knowledge base and the bot's settings. */
export const faqList = z.object({ data: z.array(faqEntry), bot: faqBot });
export type FaqList = z.infer<typeof faqList>;

/** A customer's question the bot could not answer. */
export const unansweredQuestion = z.object({
  id: z.string(),
  conversation_id: z.string(),
  question: z.string(),
  confidence: z.number().nullable(),
  at: instant,
});
export type UnansweredQuestion = z.infer<typeof unansweredQuestion>;

/** GET /suite/api/faq/unanswered. */
export const unansweredQuestions = z.object({ data: z.array(unansweredQuestion) });

// What the FAQ's routes take (packages/suite/src/faq/faq.routes.ts): an entry, a change to one, a
// question to try, and the bot's switch.

/** Other ways to ask one entry: each is matched on its own, so a few cost little; the words of each are the customer's. */
const MAX_ALTERNATIVES = 20;
const question = z.string().trim().min(3).max(500);
const entryFields = {
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

/** POST /suite/api/faq, and what a changed entry must be as a whole. */
export const faqEntryRequest = z.strictObject(entryFields).superRefine(distinctPhrasings);
export type FaqEntryRequest = z.infer<typeof faqEntryRequest>;

/** PATCH /suite/api/faq/{id}: the fields to change. */
export const faqEntryChangeRequest = z
  .strictObject(entryFields)
  .partial()
  .superRefine(distinctPhrasings)
  .refine((e) => Object.keys(e).length > 0, "send at least one of question, alternatives, answer, language");
export type FaqEntryChangeRequest = z.infer<typeof faqEntryChangeRequest>;

/** POST /suite/api/faq/try. */
export const faqTryRequest = z.strictObject({
  question: z.string().trim().min(1).max(1000),
  language: z
    .string()
    .regex(/^[a-z]{2}$/)
    .nullable()
    .optional(),
});
export type FaqTryRequest = z.infer<typeof faqTryRequest>;

/** PUT /suite/api/settings/faq-bot. */
export const faqBotRequest = z.strictObject({ enabled: z.boolean(), threshold: z.number().min(0.1).max(1).optional() });
export type FaqBotRequest = z.infer<typeof faqBotRequest>;
