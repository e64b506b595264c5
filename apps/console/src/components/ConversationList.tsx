import type { Conversation } from "../api";
import { BotBadge } from "./BotBadge";

export function ConversationList({ conversations, selectedId, me }: { conversations: Conversation[]; selectedId: string | null; me: string }) {
  if (!conversations.length) return <p className="muted">Nothing here.</p>;
  return (
    <ul className="conversation-list">
      {conversations.map((c) => (
        <li key={c.id}>
          <a href={`#/inbox/${c.id}`} aria-current={c.id === selectedId ? "true" : undefined} data-wa-id={c.wa_id}>
            <strong>{c.contact_name}</strong>
            <span className="muted">+{c.wa_id}</span>
            <span className="badges">
              {c.bot_run_id && <BotBadge />}
              {c.assignee_id === me ? <span className="badge">mine</span> : !c.assignee_id ? <span className="badge warn">unassigned</span> : null}
              {c.priority !== "normal" && <span className="badge">{c.priority}</span>}
              {c.labels.map((l) => <span key={l} className="badge">{l}</span>)}
            </span>
            <time dateTime={c.last_message_at}>{new Date(c.last_message_at).toLocaleTimeString()}</time>
          </a>
        </li>
      ))}
    </ul>
  );
}
