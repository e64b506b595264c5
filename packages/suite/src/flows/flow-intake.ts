import type { Db } from "@openwaba/store";
import { z } from "zod";
import type { ConversationRow } from "../inbox/present";
import { withinBusinessHours, type BusinessHours } from "../routing/business-hours";
import type { Suite } from "../suite";
import { liveFlows } from "./flow-catalog";
import type { FlowRun } from "./flow-runs";
import { queueRunInput } from "./run-input";
import { startRun } from "./commands/start-run";
import { asksForHuman } from "./human-request";
import type { CustomerReply } from "./reply-validation";
import { flowForMessage } from "./triggers";
import type { Notice } from "./flow-worker";

// What a customer's message means for automation (in the intake's transaction): an answer to the
// bot that holds the conversation, a request for a person, or the trigger of a flow; else, on a
// new conversation, the greeting or the away message. Whatever must be sent is queued and sent
// after the transaction commits.

export const autoMessagesSchema = z.strictObject({
  greeting: z.strictObject({ enabled: z.boolean(), text: z.string().trim().min(1).max(4096) }).optional(),
  away: z.strictObject({ enabled: z.boolean(), text: z.string().trim().min(1).max(4096) }).optional(),
  /** More words that mean "a person, please" besides the built-in ones. */
  human_words: z.array(z.string().trim().min(2).max(60)).max(50).optional(),
});
export type AutoMessages = z.infer<typeof autoMessagesSchema>;

/** The greeting goes to customers new to the business or back after this long. */
export const GREETING_AFTER_QUIET_MS = 14 * 24 * 3600_000;

export interface InboundForFlows {
  conversation: ConversationRow;
  run: FlowRun | undefined;
  messageId: string;
  reply: CustomerReply;
  newCycle: boolean;
  newContact: boolean;
  /** When the conversation last had a message before this one (null: it is new). */
  previousMessageAt: number | null;
}

/** Returns whether a bot holds the conversation now (then it is not routed to people yet). */
export async function flowsOnCustomerMessage(suite: Suite, tx: Db, m: InboundForFlows): Promise<boolean> {
  const c = m.conversation;
  const settings = JSON.parse(
    (await tx.selectFrom("suite_tenants").select("settings").where("id", "=", c.tenant_id).executeTakeFirstOrThrow())
      .settings,
  ) as { business_hours?: BusinessHours; auto_messages?: AutoMessages };
  if (m.run) {
    // Whether it asks for a person is judged by the run against its question (a fine answer wins).
    const human = m.reply.type === "text" && asksForHuman(m.reply.text, settings.auto_messages?.human_words);
    await queueRunInput(suite, tx, m.run, {
      kind: "reply",
      messageId: m.messageId,
      reply: m.reply,
      asksForHuman: human,
    });
    return true;
  }
  // Triggers never interrupt a person who has the conversation.
  if (c.assignee_id) return false;
  const inside = withinBusinessHours(settings.business_hours, suite.clock.now());
  const flows = await liveFlows(suite, tx, {
    tenantId: c.tenant_id,
    triggerTypes: ["button", "keyword", "outside_hours", "first_message"],
  });
  const flow = flowForMessage(flows, {
    phoneNumberId: c.phone_number_id,
    text: m.reply.type === "text" ? m.reply.text : "",
    buttonPayload: m.reply.type === "text" ? null : m.reply.id,
    newCycle: m.newCycle,
    newContact: m.newContact,
    insideBusinessHours: inside,
  });
  if (
    flow &&
    (await startRun(suite, tx, {
      flow,
      conversationId: c.id,
      waId: c.wa_id,
      tenantId: c.tenant_id,
      trigger: { type: flow.trigger.type, message_id: m.messageId },
    }))
  )
    return true;
  if (m.newCycle) {
    const auto = settings.auto_messages;
    const quiet = m.previousMessageAt === null || suite.clock.now() - m.previousMessageAt >= GREETING_AFTER_QUIET_MS;
    const notice: Notice | null =
      !inside && auto?.away?.enabled
        ? { conversationId: c.id, text: auto.away.text, reason: "away" }
        : inside && quiet && auto?.greeting?.enabled
          ? { conversationId: c.id, text: auto.greeting.text, reason: "greeting" }
          : null;
    if (notice) {
      await suite.jobs.enqueue(tx, "flow.notice", notice, { key: c.id });
    }
  }
  return false;
}
