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
