import type { SuiteModule } from "../module";
import { languageOf } from "../routing/language";
import { askFaqBot, createFaqBotWorker } from "./faq-bot";
import { registerFaqRoutes } from "./faq.routes";

/** The FAQ bot: a question nobody has answered yet this cycle, unless a flow's bot took it. */
export const faqModule: SuiteModule = {
  name: "faq",
  routes: registerFaqRoutes,
  workers: (suite) => [createFaqBotWorker(suite)],
  async onCustomerMessage(suite, tx, e) {
    if (e.text === null || e.takenBy) return undefined;
    const c = await tx
      .selectFrom("suite_conversations")
      .selectAll()
      .where("id", "=", e.conversation.id)
      .executeTakeFirstOrThrow();
    await askFaqBot(suite, tx, c, e.message.id, e.text, languageOf(e.message.from));
    return undefined;
  },
};
