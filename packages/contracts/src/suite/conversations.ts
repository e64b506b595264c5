import { z } from "zod";
import { templateMessage } from "./flow-document";

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

// What the inbox's routes take (packages/suite/src/inbox/conversations.routes.ts and compose.ts).

/** GET /suite/api/conversations?…: which conversations, and how many. */
export const conversationListQuery = z.strictObject({
  state: z.enum([...CONVERSATION_STATES, "all"]).default("open"),
  assignee: z.string().optional(),
  team: z.string().optional(),
  q: z.string().max(100).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type ConversationListQuery = z.infer<typeof conversationListQuery>;

/** POST /suite/api/conversations/{id}/notes. */
export const noteRequest = z.strictObject({ body: z.string().trim().min(1).max(4096) });
export type NoteRequest = z.infer<typeof noteRequest>;

/** POST /suite/api/conversations/{id}/assign: a person and/or a team (null takes it away). */
export const assignRequest = z
  .strictObject({ assignee_id: z.string().nullable().optional(), team_id: z.string().nullable().optional() })
  .refine((b) => b.assignee_id !== undefined || b.team_id !== undefined, {
    message: "give assignee_id and/or team_id",
  });
export type AssignRequest = z.infer<typeof assignRequest>;

/** POST /suite/api/conversations/{id}/state. */
export const stateRequest = z.strictObject({
  state: z.enum(CONVERSATION_STATES),
  snoozed_until: z.iso.datetime().optional(),
  csat: z.number().int().min(1).max(5).optional(),
});
export type StateRequest = z.infer<typeof stateRequest>;

/** PATCH /suite/api/conversations/{id}: labels and/or priority. */
export const conversationEditRequest = z
  .strictObject({
    labels: z.array(z.string().trim().min(1).max(40)).max(20).optional(),
    priority: z.enum(CONVERSATION_PRIORITIES).optional(),
  })
  .refine((b) => b.labels !== undefined || b.priority !== undefined, { message: "give labels and/or priority" });
export type ConversationEditRequest = z.infer<typeof conversationEditRequest>;

// What an agent may send from the composer: Cloud API message bodies without `to` (the
// conversation names the customer), optionally replying to one of its messages.
const composedText = z.strictObject({ body: z.string().trim().min(1).max(4096), preview_url: z.boolean().optional() });
const composedMedia = z
  .strictObject({
    link: z.url().optional(),
    id: z.string().min(1).optional().describe("A media id from POST …/media"),
    caption: z.string().max(1024).optional(),
    filename: z.string().max(240).optional(),
  })
  .refine((m) => (m.link === undefined) !== (m.id === undefined), { message: "give exactly one of link or id" });

/** POST /suite/api/conversations/{id}/messages. */
export const composedMessageRequest = z.discriminatedUnion("type", [
  z.strictObject({ type: z.literal("text"), text: composedText, context_message_id: z.string().optional() }),
  z.strictObject({
    type: z.literal("template"),
    template: z.looseObject({ name: z.string().min(1), language: z.strictObject({ code: z.string().min(2) }) }),
    context_message_id: z.string().optional(),
  }),
  z.strictObject({
    type: z.literal("interactive"),
    interactive: z.looseObject({ type: z.enum(["button", "list"]) }),
    context_message_id: z.string().optional(),
  }),
  z.strictObject({ type: z.literal("image"), image: composedMedia, context_message_id: z.string().optional() }),
  z.strictObject({ type: z.literal("document"), document: composedMedia, context_message_id: z.string().optional() }),
  z.strictObject({ type: z.literal("video"), video: composedMedia, context_message_id: z.string().optional() }),
  z.strictObject({ type: z.literal("audio"), audio: composedMedia, context_message_id: z.string().optional() }),
  z.strictObject({
    type: z.literal("reaction"),
    reaction: z.strictObject({ message_id: z.string().min(1), emoji: z.string().max(32) }),
  }),
]);
export type ComposedMessageRequest = z.infer<typeof composedMessageRequest>;

/**
 * POST /suite/api/conversations: the business writes first, with an approved template whose
 * parameters are all filled.
 */
export const startConversationRequest = z.strictObject({
  to: z.string().trim().min(1).max(40).describe("The customer's number"),
  phone_number_id: z.string().min(1).max(40).optional(),
  template: templateMessage.refine((t) => !(t.parameters ?? []).some((p) => !p.trim()), {
    message: "fill in every parameter",
    path: ["parameters"],
  }),
});
export type StartConversationRequest = z.infer<typeof startConversationRequest>;
