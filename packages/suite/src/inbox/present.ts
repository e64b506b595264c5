import { windowClosesAt } from "@openwaba/contracts";
import type { Sender } from "@openwaba/contracts/suite";
import type { Selectable } from "kysely";
import type { SuiteConversationsTable, SuiteMessagesTable } from "@openwaba/store";

export type ConversationRow = Selectable<SuiteConversationsTable>;
export type MessageRow = Selectable<SuiteMessagesTable>;

/** An instant as the suite API shows it (null stays null). */
export const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

/** A conversation as the API and the realtime stream show it, with its service window now. */
export function presentConversation(c: ConversationRow, now: number) {
  const closes = windowClosesAt(c.last_inbound_at, now);
  return {
    id: c.id,
    phone_number_id: c.phone_number_id,
    wa_id: c.wa_id,
    contact_name: c.contact_name,
    state: c.state,
    assignee_id: c.assignee_id,
    team_id: c.team_id,
    priority: c.priority,
    labels: JSON.parse(c.labels) as string[],
    last_message_at: iso(c.last_message_at),
    last_inbound_at: iso(c.last_inbound_at),
    cycle_opened_at: iso(c.cycle_opened_at),
    first_response_at: iso(c.first_response_at),
    snoozed_until: iso(c.snoozed_until),
    resolved_at: iso(c.resolved_at),
    window: { open: closes !== null, closes_at: iso(closes) },
    /** The flow run talking to the customer, if a bot holds the conversation. */
    bot_run_id: c.bot_run_id ?? null,
  };
}

/**
 * Who wrote a message the business sent (or a note): an agent (by name), a campaign, the Cloud API
 * (other software with the number: content says `"origin":"api"`), or else a bot (flows, the FAQ
 * bot, greeting and away messages send with no author). The customer's own messages have none.
 */
export type { Sender };

export function senderOf(
  m: Pick<MessageRow, "direction" | "author_id">,
  content: Record<string, unknown>,
  names?: ReadonlyMap<string, string>,
): Sender | null {
  if (m.direction === "in") return null;
  if (m.author_id) return { kind: "agent", id: m.author_id, name: names?.get(m.author_id) ?? null };
  const campaign = content.campaign as { id?: string; name?: string } | undefined;
  if (campaign?.id) return { kind: "campaign", id: campaign.id, name: campaign.name ?? "" };
  if (content.origin === "api") return { kind: "api" };
  return { kind: "bot" };
}

/** A message as the API and the stream show it; `names` (user id → name) names the agents who wrote. */
export function presentMessage(m: MessageRow, names?: ReadonlyMap<string, string>) {
  const content = JSON.parse(m.content);
  return {
    kind: m.direction === "note" ? "note" : "message",
    id: m.id,
    conversation_id: m.conversation_id,
    direction: m.direction,
    type: m.type,
    content,
    status: m.status,
    error: m.error ? JSON.parse(m.error) : null,
    author_id: m.author_id,
    sender: senderOf(m, content ?? {}, names),
    context_id: m.context_id,
    at: new Date(m.at).toISOString(),
  };
}

/** A timeline event (assigned, resolved, bot_started, …) as the API and the stream show it. */
export function presentEvent(e: {
  id: string;
  kind: string;
  actor_id: string | null;
  data: Record<string, unknown>;
  at: number;
}) {
  return {
    kind: "event",
    id: e.id,
    type: e.kind,
    actor_id: e.actor_id,
    data: e.data,
    at: new Date(e.at).toISOString(),
  };
}
