import type { SuiteModule } from "../module";
import { registerRoutingRoutes } from "./routing.routes";
import { routeConversation } from "./assign";

/**
 * Routing: a new cycle goes to a team's queue and maybe an agent, before the consoles hear of the
 * message, so that it is announced once, to the team it went to. A bot that took it routes it
 * when it hands over.
 */
export const routingModule: SuiteModule = {
  name: "routing",
  routes: registerRoutingRoutes,
  async onCustomerMessage(suite, tx, e) {
    if (e.newCycle && !e.takenBy)
      await routeConversation(suite, tx, {
        conversationId: e.conversation.id,
        text: e.text ?? "",
        announceConversation: false,
      });
    return undefined;
  },
};
