import type { ListedConversation, TimelineMessage } from "@openwaba/contracts/suite";
import { shortWhen } from "../inbox/day-words";
import { senderWords } from "../inbox/sender-words";
import type { PhoneNumber } from "../numbers/use-phone-numbers";
import { BotBadge } from "./BotBadge";
import { summary } from "./Thread";

/** A line of what was said last: who (when the business said it) and the words, or what it was. */
function preview(m: TimelineMessage): string {
  const c = m.content ?? {};
  const said =
    m.type === "template"
      ? `Template: ${c.name ?? ""}`
      : ["image", "video", "audio", "document", "sticker"].includes(m.type)
        ? c.caption
          ? `${m.type}: ${c.caption}`
          : m.type
        : summary(m);
  const who = m.direction === "in" ? null : senderWords(m.sender);
  return who ? `${who}: ${said}` : said;
}

export function ConversationList({
  conversations,
  selectedId,
  me,
  numbers,
  now,
}: {
  conversations: ListedConversation[];
  selectedId: string | null;
  me: string;
  numbers: PhoneNumber[];
  now: number;
}) {
  if (!conversations.length) return <p className="muted">Nothing here.</p>;
  // The business number each is on, when the business has more than one to tell apart.
  const numberOf = (id: string) => numbers.find((n) => n.id === id);
  return (
    <ul className="conversation-list">
      {conversations.map((c) => {
        const unread = c.id === selectedId ? 0 : (c.unread ?? 0);
        const on = numberOf(c.phone_number_id);
        return (
          <li key={c.id}>
            <a
              href={`#/inbox/${c.id}`}
              aria-current={c.id === selectedId ? "true" : undefined}
              data-wa-id={c.wa_id}
              className={unread ? "unread" : undefined}
            >
              <strong className="conv-name">{c.contact_name}</strong>
              <time dateTime={c.last_message_at}>{shortWhen(c.last_message_at, now)}</time>
              <span className="conv-preview" data-preview>
                {c.last_message ? preview(c.last_message) : ""}
              </span>
              {unread > 0 ? (
                <span className="unread-count" aria-label={`${unread} unread`} data-unread={unread}>
                  {unread}
                </span>
              ) : (
                <span />
              )}
              <span className="conv-number muted">
                +{c.wa_id} ·{" "}
                <span data-business-number={c.phone_number_id}>on {on ? on.verified_name : c.phone_number_id}</span>
              </span>
              <span className="badges">
                {c.bot_run_id && <BotBadge />}
                {c.assignee_id === me ? (
                  <span className="badge">mine</span>
                ) : !c.assignee_id ? (
                  <span className="badge warn">unassigned</span>
                ) : null}
                {c.priority !== "normal" && <span className="badge">{c.priority}</span>}
                {c.labels.map((l) => (
                  <span key={l} className="badge">
                    {l}
                  </span>
                ))}
              </span>
            </a>
          </li>
        );
      })}
    </ul>
  );
}
