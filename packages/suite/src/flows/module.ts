import type { SuiteModule } from "../module";
import { registerFlowRoutes } from "./flows.routes";
import { createFlowWorkers } from "./flow-worker";
import { fireDueSchedules } from "./flow-schedules";
import { flowsOnCustomerMessage } from "./flow-intake";
import { activeRun } from "./flow-runs";
import { customerReplyOf } from "./inbound-reply";

/** Flows: the bot holding the conversation gets the answer, or a trigger starts one (greeting, away). */
export const flowsModule: SuiteModule = {
  name: "flows",
  routes: registerFlowRoutes,
  workers: createFlowWorkers,
  periodic: fireDueSchedules,
  async onCustomerMessage(suite, tx, e) {
    const bot = await flowsOnCustomerMessage(suite, tx, {
      conversation: e.conversation,
      run: await activeRun(tx, e.conversation.id),
      messageId: e.message.id,
      reply: customerReplyOf(e.message),
      newCycle: e.newCycle,
      newContact: e.newContact ?? false,
      previousMessageAt: e.previousMessageAt,
    });
    return bot ? "took" : undefined;
  },
};
