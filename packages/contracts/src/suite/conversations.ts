import { z } from "zod";

// The inbox's answers (packages/suite/src/inbox/present.ts): conversations, their timelines of
// messages, notes and events, and the lists the console reads. The console takes its types from here
// and /openapi.json its shapes.

/** An instant as the suite API writes it. */
export const instant = z.iso.datetime();

export const CONVERSATION_STATES = ["open", "pending", "snoozed", "resolved"] as const;
export type ConversationState = (typeof CONVERSATION_STATES)[number];
export const CONVERSATION_PRIORITIES = ["low", "normal", "high", "urgent"] as const;
export type ConversationPriority = (typeof CONVERSATION_PRIORITIES)[number];

export const conversation = z.object({
  id: z.string(),
  phone_number_id: z.string(),
  wa_id: z.string(),
  contact_name: z.string(),
  state: z.enum(CONVERSATION_STATES),
  assignee_id: z.string().nullable(),
  team_id: z.string().nullable(),
  priority: z.enum(CONVERSATION_PRIORITIES),
  labels: z.array(z.string()),
  last_message_at: instant,
  last_inbound_at: instant.nullable(),
  cycle_opened_at: instant,
  first_response_at: instant.nullable(),
  snoozed_until: instant.nullable(),
  resolved_at: instant.nullable(),
  window: z.object({ open: z.boolean(), closes_at: instant.nullable() }).describe("The customer service window"),
  bot_run_id: z.string().nullable().describe("The flow run talking to the customer, if a bot holds the conversation"),
});
export type Conversation = z.infer<typeof conversation>;

/** Who wrote what the business sent: an agent, a campaign, other software through the Cloud API, or a bot. */
export const sender = z
  .discriminatedUnion("kind", [
    z.object({ kind: z.literal("agent"), id: z.string(), name: z.string().nullable() }),
    z.object({ kind: z.literal("campaign"), id: z.string(), name: z.string() }),
    z.object({ kind: z.literal("api") }),
    z.object({ kind: z.literal("bot") }),
  ])
  .describe("Who wrote what the business sent");
export type Sender = z.infer<typeof sender>;

/** A message or an internal note on the timeline. */
export const timelineMessage = z.object({
  kind: z.enum(["message", "note"]),
  id: z.string(),
  conversation_id: z.string(),
  direction: z.enum(["in", "out", "note"]),
  type: z.string(),
  content: z.any().describe("The message's object as sent or received"),
  status: z.string(),
  error: z
    .object({ code: z.number(), title: z.string().nullable(), details: z.string().nullable() })
    .nullable()
    .describe("Meta's error, once failed"),
  author_id: z.string().nullable(),
  /** None for the customer's own messages. */
  sender: sender.nullable(),
  context_id: z.string().nullable(),
  at: instant,
});
export type TimelineMessage = z.infer<typeof timelineMessage>;

/** Something that happened to the conversation: assigned, resolved, bot_started… */
export const timelineEvent = z.object({
  kind: z.literal("event"),
  id: z.string(),
  type: z.string().describe("assigned, resolved, bot_started…"),
  actor_id: z.string().nullable(),
  data: z.record(z.string(), z.any().describe("Whatever the event records")),
  at: instant,
});
export type TimelineEvent = z.infer<typeof timelineEvent>;

export const timelineItem = z.union([timelineMessage, timelineEvent]);
export type TimelineItem = z.infer<typeof timelineItem>;

/** A conversation as the inbox lists it: its last message, and how many of the customer's messages this viewer has not read. */
export const listedConversation = conversation.extend({
  last_message: timelineMessage.nullable(),
  unread: z.int().describe("Messages this viewer has not read"),
});
export type ListedConversation = z.infer<typeof listedConversation>;

/** GET /suite/api/conversations. */
export const conversationList = z.object({ data: z.array(listedConversation), server_time: instant });
export type ConversationList = z.infer<typeof conversationList>;

/** A customer service cycle closed before this one. */
export const pastCycle = z.object({
  opened_at: instant,
  resolved_at: instant,
  agent_id: z.string().nullable(),
  csat: z.int().nullable(),
});

/** GET /suite/api/conversations/{id}. */
export const conversationDetail = z.object({
  conversation,
  server_time: instant,
  timeline: z.array(timelineItem),
  past_cycles: z.array(pastCycle),
});
export type ConversationDetail = z.infer<typeof conversationDetail>;

/** POST /suite/api/conversations: the conversation started and its first message. */
export const startedConversation = z.object({ conversation, message: timelineMessage });
export type StartedConversation = z.infer<typeof startedConversation>;
