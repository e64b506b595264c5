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
    // Routing may have changed its team and agent, not whether anyone answered yet: the row as
    // the intake read it after the message is enough.
    await askFaqBot(suite, tx, e.conversation, e.message.id, e.text, languageOf(e.message.from));
    return undefined;
  },
};
