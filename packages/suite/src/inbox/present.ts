import { windowClosesAt } from "@openwaba/contracts";
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
    id: c.id, phone_number_id: c.phone_number_id, wa_id: c.wa_id, contact_name: c.contact_name, state: c.state,
    assignee_id: c.assignee_id, team_id: c.team_id, priority: c.priority, labels: JSON.parse(c.labels) as string[],
    last_message_at: iso(c.last_message_at), last_inbound_at: iso(c.last_inbound_at), cycle_opened_at: iso(c.cycle_opened_at),
    first_response_at: iso(c.first_response_at), snoozed_until: iso(c.snoozed_until), resolved_at: iso(c.resolved_at),
    window: { open: closes !== null, closes_at: iso(closes) },
    /** The flow run talking to the customer, if a bot holds the conversation. */
    bot_run_id: c.bot_run_id ?? null,
  };
}

export function presentMessage(m: MessageRow) {
  return {
    kind: m.direction === "note" ? "note" : "message", id: m.id, conversation_id: m.conversation_id, direction: m.direction, type: m.type,
    content: JSON.parse(m.content), status: m.status, error: m.error ? JSON.parse(m.error) : null, author_id: m.author_id,
    context_id: m.context_id, at: new Date(m.at).toISOString(),
  };
}
