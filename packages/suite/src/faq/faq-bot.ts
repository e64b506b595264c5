import { catalogWorker, type Db } from "@openwaba/store";
import { recordEvent } from "../inbox/commands/record-event";
import { recordUnanswered } from "./commands/record-unanswered";
import { sendAndRecord } from "../inbox/compose";
import type { ConversationRow } from "../inbox/present";
import { tenantTransaction } from "../unit-of-work";
import type { Suite } from "../suite";
import { FaqIndex, presentEntry } from "./faq-index";

export const FAQ_QUEUE = "suite-faq-bot";
export interface FaqBotSettings {
  enabled: boolean;
  threshold: number;
}
export const DEFAULT_FAQ_BOT: FaqBotSettings = { enabled: false, threshold: 0.6 };

export async function faqBotSettings(db: Db, tenantId: string): Promise<FaqBotSettings> {
  const t = await db.selectFrom("suite_tenants").select("settings").where("id", "=", tenantId).executeTakeFirst();
  return { ...DEFAULT_FAQ_BOT, ...(JSON.parse(t?.settings ?? "{}").faq_bot ?? {}) };
}

/**
 * A customer's text in a conversation no human has answered yet this cycle goes to the FAQ bot
 * (queued in the intake's transaction; the answer is sent after it commits, never inside it).
 */
export async function askFaqBot(
  suite: Suite,
  tx: Db,
  c: ConversationRow,
  messageId: string,
  text: string,
  language: string | null,
): Promise<void> {
  if (c.first_response_at !== null) return;
  if (!(await faqBotSettings(tx, c.tenant_id)).enabled) return;
  await suite.jobs.enqueue(tx, "faq.question", { conversationId: c.id, messageId, text, language }, { key: c.id });
}

/**
 * Answers with the best entry when confident enough; otherwise leaves the conversation to the
 * team and records the question as unanswered. A human's answer in the meantime stops the bot.
 */
export function createFaqBotWorker(suite: Suite) {
  return catalogWorker(suite.jobs, FAQ_QUEUE, {
    clock: suite.clock,
    log: suite.log,
    handlers: {
      "faq.question": async (q) => {
        const c = await suite.db
          .selectFrom("suite_conversations")
          .selectAll()
          .where("id", "=", q.conversationId)
          .executeTakeFirst();
        if (!c || c.first_response_at !== null || c.state === "resolved") return;
        const settings = await faqBotSettings(suite.db, c.tenant_id);
        if (!settings.enabled) return;
        const entries = (
          await suite.db
            .selectFrom("suite_faq")
            .select(["id", "question", "alternatives", "answer", "language"])
            .where("tenant_id", "=", c.tenant_id)
            .execute()
        ).map(presentEntry);
        const match = entries.length ? new FaqIndex(entries).best(q.text, q.language) : null;
        const now = suite.clock.now();
        if (match && match.confidence >= settings.threshold) {
          await sendAndRecord(
            suite,
            c,
            { to: c.wa_id, type: "text", text: { body: match.entry.answer }, context: { message_id: q.messageId } },
            { authorId: null, contextId: q.messageId, now },
            (tx) =>
              recordEvent(suite, tx, {
                conversationId: c.id,
                kind: "bot_answered",
                actorId: null,
                data: {
                  faq_id: match.entry.id,
                  question: match.entry.question,
                  confidence: match.confidence,
                },
              }),
          );
          return;
        }
        await tenantTransaction(suite, c.tenant_id, (tx) =>
          recordUnanswered(suite, tx, {
            tenantId: c.tenant_id,
            conversationId: c.id,
            question: q.text,
            confidence: match?.confidence ?? 0,
          }),
        );
      },
    },
  });
}
