import { useEffect, useRef, useState } from "react";
import type { Conversation, TimelineEvent, TimelineItem, TimelineMessage, User } from "@openwaba/contracts/suite";
import { ApiError, api } from "../api";
import type { Session } from "../App";
import { useClockTravel, useStream } from "../stream";
import { reasonWords } from "../flows/trace-words";
import { consentWords } from "../contacts/consent-words";
import { BotBadge } from "./BotBadge";
import { Composer } from "./Composer";
import { Countdown } from "./Countdown";
import { StartFlow } from "./StartFlow";
import { Ticks } from "./Ticks";
import { Icon } from "./Icon";
import { dayKey, dayWords } from "../inbox/day-words";
import { senderWords } from "../inbox/sender-words";
import { numberWords, type PhoneNumber } from "../numbers/use-phone-numbers";

/** One conversation: header with its state and window, the live timeline, actions and the composer. */
export function Thread({ id, session, numbers = [] }: { id: string; session: Session; numbers?: PhoneNumber[] }) {
  const [conv, setConv] = useState<Conversation | null>(null);
  const [items, setItems] = useState<TimelineItem[]>([]);
  const [skew, setSkew] = useState(0);
  const [typing, setTyping] = useState<string | null>(null);
  const [users, setUsers] = useState<User[]>([]);
  const [error, setError] = useState<string | null>(null);
  // What the composer's send was refused for shows beside the composer, where the text is.
  const [sendError, setSendError] = useState<string | null>(null);
  const end = useRef<HTMLDivElement>(null);

  // The window (its countdown, free-form or templates only) is the server's, counted by its clock.
  const fetchConversation = () =>
    api("GET", `/suite/api/conversations/${id}`).then((r) => {
      setConv(r.conversation);
      setSkew(Date.parse(r.server_time) - Date.now());
      return r;
    });
  useEffect(() => {
    void fetchConversation()
      .then((r) => {
        setItems(r.timeline);
        void api("POST", `/suite/api/conversations/${id}/read`).catch(() => undefined);
      })
      .catch((e) => setError(e.message));
    if (session.user.role !== "agent") void api("GET", "/suite/api/users").then((r) => setUsers(r.data));
  }, [id]);
  // The server's clock jumped (the simulator's travel), or the window ran out while on screen:
  // read the window and the server's time again.
  const rereadWindow = () => void fetchConversation().catch(() => undefined);
  useClockTravel(rereadWindow);
  useEffect(() => {
    end.current?.scrollIntoView?.({ block: "end" });
  }, [items.length]);

  useStream((kind, data) => {
    if (data.conversation_id !== id) return;
    if (kind === "conversation.updated") setConv(data.conversation);
    if (kind === "message.created" || kind === "timeline.event") {
      const item = (data.message ?? data.event) as TimelineItem;
      setItems((prev) => (prev.some((x) => x.id === item.id) ? prev : [...prev, item]));
      if (kind === "message.created" && item.kind !== "event" && item.direction === "in")
        void api("POST", `/suite/api/conversations/${id}/read`).catch(() => undefined);
    }
    if (kind === "message.status")
      setItems((prev) =>
        prev.map((x) => (x.id === data.message_id ? { ...x, status: data.status, error: data.error } : x)),
      );
    if (kind === "agent.typing" && data.user_id !== session.user.id) {
      setTyping(data.name);
      setTimeout(() => setTyping(null), 3000);
    }
  });

  const [replyTo, setReplyTo] = useState<TimelineMessage | null>(null);
  const act = async (path: string, body?: unknown, isConversation = true) => {
    setError(null);
    try {
      const r = await api("POST", `/suite/api/conversations/${id}/${path}`, body);
      if (isConversation) setConv(r);
    } catch (e) {
      setError(e instanceof ApiError ? e.message : String(e));
    }
  };
  if (!conv)
    return (
      <section className="thread">
        {error ? (
          <p className="error" role="alert">
            {error}
          </p>
        ) : (
          <p>Loading…</p>
        )}
      </section>
    );
  const mine = conv.assignee_id === session.user.id;
  const botFlow = items.findLast(
    (e): e is TimelineEvent => e.kind === "event" && e.type === "bot_started" && e.data?.run_id === conv.bot_run_id,
  )?.data.flow;
  const nameOf = (uid: string | null | undefined) =>
    users.find((u) => u.id === uid)?.name ??
    (uid === session.user.id ? session.user.name : uid ? "an agent" : "nobody");
  // Events have no author and quote nothing.
  const authorOf = (m: TimelineItem) =>
    m.kind !== "event" && m.sender?.kind === "agent"
      ? (m.sender.name ?? nameOf(m.author_id))
      : nameOf(m.kind === "event" ? undefined : m.author_id);
  const quotedOf = (m: TimelineItem) =>
    m.kind !== "event" && m.context_id
      ? items.find((x): x is TimelineMessage => x.kind !== "event" && x.id === m.context_id)
      : undefined;
  const number = numbers.find((n) => n.id === conv.phone_number_id);
  const shown = items.filter((m) => m.type !== "reaction");
  const now = Date.now() + skew;

  return (
    <section className="thread" aria-label={`Conversation with ${conv.contact_name}`}>
      <header className="thread-head">
        <div>
          <h2>
            {conv.contact_name} {conv.bot_run_id && <BotBadge runId={conv.bot_run_id} flow={botFlow} />}
          </h2>
          <span className="muted">
            +{conv.wa_id} · {conv.state} · assigned to {nameOf(conv.assignee_id)}
          </span>
          <span className="business-number muted" data-phone-number-id={conv.phone_number_id}>
            On {number ? numberWords(number) : conv.phone_number_id}
          </span>
          <Labels
            labels={conv.labels}
            onChange={(labels) => void api("PATCH", `/suite/api/conversations/${id}`, { labels }).then(setConv)}
          />
        </div>
        <Countdown closesAt={conv.window.closes_at} skewMs={skew} onClosed={rereadWindow} />
        <div className="actions">
          {!conv.assignee_id && <button onClick={() => void act("claim")}>Claim</button>}
          {!conv.bot_run_id && <StartFlow conversationId={id} onError={setError} />}
          {conv.state !== "resolved" ? (
            <button onClick={() => void act("state", { state: "resolved" })}>Resolve</button>
          ) : (
            <button onClick={() => void act("state", { state: "open" })}>Reopen</button>
          )}
          {conv.state === "open" && <button onClick={() => void act("state", { state: "pending" })}>Pending</button>}
          {conv.state !== "resolved" && conv.state !== "snoozed" && (
            <select
              aria-label="Snooze"
              value=""
              onChange={(e) =>
                e.target.value &&
                void act("state", {
                  state: "snoozed",
                  snoozed_until: new Date(Date.now() + skew + Number(e.target.value) * 3600_000).toISOString(),
                })
              }
            >
              <option value="">Snooze…</option>
              <option value="1">1 hour</option>
              <option value="4">4 hours</option>
              <option value="24">until tomorrow</option>
            </select>
          )}
          <select
            aria-label="Priority"
            value={conv.priority}
            onChange={(e) =>
              void api("PATCH", `/suite/api/conversations/${id}`, { priority: e.target.value }).then(setConv)
            }
          >
            {["low", "normal", "high", "urgent"].map((p) => (
              <option key={p} value={p}>
                {p}
              </option>
            ))}
          </select>
          {users.length > 0 && (
            <select
              aria-label="Transfer to"
              value=""
              onChange={(e) => e.target.value && void act("assign", { assignee_id: e.target.value })}
            >
              <option value="">Transfer to…</option>
              {users
                .filter((u) => u.id !== conv.assignee_id && u.availability !== undefined)
                .map((u) => (
                  <option key={u.id} value={u.id}>
                    {u.name}
                  </option>
                ))}
            </select>
          )}
        </div>
      </header>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      <Profile id={id} />
      <ol className="timeline" aria-live="polite">
        {shown.map((m, i) => [
          // A separator where a new day starts (the first item's day too).
          i === 0 || dayKey(m.at) !== dayKey(shown[i - 1].at) ? (
            <DaySeparator key={`day-${dayKey(m.at)}`} words={dayWords(m.at, now)} />
          ) : null,
          <TimelineEntry
            key={m.id}
            m={m}
            author={authorOf(m)}
            quoted={quotedOf(m)}
            onReply={setReplyTo}
            onReact={(x, emoji) =>
              void act("messages", { type: "reaction", reaction: { message_id: x.id, emoji } }, false)
            }
          />,
        ])}
      </ol>
      {typing && (
        <p className="typing" role="status">
          {typing} is typing…
        </p>
      )}
      <div ref={end} />
      {sendError && (
        <p className="error send-error" role="alert">
          {sendError}
        </p>
      )}
      <Composer
        conv={conv}
        session={session}
        canSend={mine || !conv.assignee_id || session.user.role !== "agent"}
        onError={setSendError}
        replyTo={replyTo}
        clearReply={() => setReplyTo(null)}
      />
    </section>
  );
}

function Labels({ labels, onChange }: { labels: string[]; onChange: (l: string[]) => void }) {
  const [draft, setDraft] = useState("");
  return (
    <span className="labels">
      {labels.map((l) => (
        <span key={l} className="badge">
          {l}{" "}
          <button
            className="link"
            aria-label={`Remove label ${l}`}
            onClick={() => onChange(labels.filter((x) => x !== l))}
          >
            ×
          </button>
        </span>
      ))}
      <input
        aria-label="Add a label"
        placeholder="+ label"
        value={draft}
        size={8}
        onChange={(e) => setDraft(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === "Enter" && draft.trim()) {
            onChange([...labels, draft.trim()]);
            setDraft("");
          }
        }}
      />
    </span>
  );
}

function Profile({ id }: { id: string }) {
  const [p, setP] = useState<any>(null);
  useEffect(() => {
    void api("GET", `/suite/api/conversations/${id}/profile`)
      .then(setP)
      .catch(() => undefined);
  }, [id]);
  if (!p) return null;
  return (
    <details className="profile">
      <summary>
        Customer: {p.name} · +{p.wa_id} · {p.country}
        {p.language ? ` · ${p.language}` : ""} · marketing consent {consentWords(p.consent)}
      </summary>
      <p>
        Past conversations:{" "}
        {p.past_cycles.length
          ? p.past_cycles
              .map((c: any) => `${new Date(c.opened_at).toLocaleDateString()}${c.csat ? ` (CSAT ${c.csat})` : ""}`)
              .join(", ")
          : "none"}
      </p>
    </details>
  );
}

function DaySeparator({ words }: { words: string }) {
  return (
    <li className="day-separator" role="separator" aria-label={words}>
      <span>{words}</span>
    </li>
  );
}

// What a customer's message can be answered with at a tap: WhatsApp sends the emoji itself; the
// buttons show drawn icons (an emoji font may be missing).
const REACTIONS = [
  { emoji: "👍", icon: "thumbsUp", words: "thumbs up" },
  { emoji: "❤️", icon: "heart", words: "heart" },
  { emoji: "🙏", icon: "pray", words: "thank you" },
] as const;

function TimelineEntry({
  m,
  author,
  quoted,
  onReply,
  onReact,
}: {
  m: TimelineItem;
  author: string;
  quoted?: TimelineMessage;
  onReply: (m: TimelineMessage) => void;
  onReact: (m: TimelineMessage, emoji: string) => void;
}) {
  if (m.kind === "event") {
    return (
      <li className="event">
        {describe(m)}
        {m.data?.run_id && (
          <>
            {" "}
            (<a href={`#/flow-runs/${m.data.run_id}`}>trace</a>)
          </>
        )}{" "}
        · <time dateTime={m.at}>{new Date(m.at).toLocaleTimeString()}</time>
      </li>
    );
  }
  const cls = m.kind === "note" ? "note" : m.direction === "in" ? "in" : "out";
  // Who sent it: an agent by name, a bot, a campaign, the Cloud API (other software).
  const sender =
    cls === "out"
      ? m.sender
        ? m.sender.kind === "agent"
          ? author
          : senderWords(m.sender)
        : m.author_id
          ? author
          : null
      : null;
  return (
    <li className={`bubble ${cls}`} data-message-id={m.id}>
      {m.kind === "note" && <span className="note-label">Internal note · {author}</span>}
      {sender && <span className={`sender sender-${m.sender?.kind ?? "agent"}`}>{sender}</span>}
      {quoted && <blockquote className="quoted">{summary(quoted)}</blockquote>}
      <MessageBody m={m} />
      <span className="meta">
        {cls === "in" && (
          <>
            <button className="link" onClick={() => onReply(m)} aria-label="Reply to this message">
              Reply
            </button>
            {REACTIONS.map((r) => (
              <button
                key={r.emoji}
                type="button"
                className="link reaction"
                onClick={() => onReact(m, r.emoji)}
                aria-label={`React with ${r.words}`}
                title={`React with ${r.words}`}
              >
                <Icon name={r.icon} />
              </button>
            ))}
          </>
        )}
        <time dateTime={m.at}>{new Date(m.at).toLocaleTimeString()}</time>
        {cls === "out" && <Ticks m={m} />}
      </span>
    </li>
  );
}

export const summary = (m: TimelineMessage): string => {
  const c = m.content ?? {};
  const said =
    m.type === "text"
      ? c.body
      : m.type === "interactive"
        ? (c.body?.text ?? c.button_reply?.title ?? c.list_reply?.title)
        : undefined;
  return said === undefined ? m.type : String(said).slice(0, 80);
};

function MessageBody({ m }: { m: TimelineMessage }) {
  const c = m.content ?? {};
  if (m.type === "text") return <p>{c.body}</p>;
  if (m.type === "template")
    return (
      <p className="template">
        <Icon name="template" /> {c.name ?? "template"}
      </p>
    );
  if (m.type === "button")
    return (
      <p>
        <Icon name="button" /> {c.text}
      </p>
    );
  if (m.type === "interactive")
    return (
      <p>
        <Icon name="button" /> {c.button_reply?.title ?? c.list_reply?.title ?? c.body?.text ?? "interactive"}
      </p>
    );
  if (m.type === "image" || m.type === "sticker")
    return (
      <figure className="media">
        {c.id ? <img src={`/suite/api/media/${c.id}`} alt={c.caption ?? m.type} /> : <a href={c.link}>{c.link}</a>}
        {c.caption && <figcaption>{c.caption}</figcaption>}
      </figure>
    );
  if (m.type === "audio" && c.id) return <audio controls src={`/suite/api/media/${c.id}`} aria-label="Voice message" />;
  if (m.type === "video" && c.id) return <video controls src={`/suite/api/media/${c.id}`} width={240} />;
  if (["video", "audio", "document"].includes(m.type))
    return (
      <p>
        <Icon name="attachment" />{" "}
        {c.id ? (
          <a href={`/suite/api/media/${c.id}`} download={c.filename ?? m.type}>
            {c.filename ?? m.type}
          </a>
        ) : (
          c.link
        )}
        {c.caption ? ` — ${c.caption}` : ""}
      </p>
    );
  if (m.type === "location")
    return (
      <p>
        <Icon name="pin" /> {c.name ?? `${c.latitude}, ${c.longitude}`}
      </p>
    );
  return <p>{m.type}</p>;
}

function describe(e: TimelineEvent): string {
  const d = e.data ?? {};
  switch (e.type) {
    case "started":
      return `Conversation started with the template ${d.template ?? ""}`.trim();
    case "routed":
      return `Routed to a team (${d.rule})`;
    case "assigned":
      return "Assigned automatically";
    case "claimed":
      return "Claimed";
    case "transferred":
      return "Transferred";
    case "resolved":
      return d.csat ? `Resolved (rated ${d.csat} of 5)` : "Resolved";
    case "reopened":
      return "Reopened";
    case "woke":
      return "Snooze over";
    case "bot_answered":
      return `The FAQ bot answered (confidence ${d.confidence})`;
    case "bot_handed_over":
      return d.run_id
        ? `The bot handed over to a person: ${reasonWords(d.reason)}`
        : `The FAQ bot handed over (confidence ${d.confidence})`;
    case "bot_started":
      return `The bot started: ${d.flow}`;
    case "bot_finished":
      return "The bot finished";
    case "bot_stopped":
      return `The bot stopped: ${reasonWords(d.reason)}`;
    case "auto_message":
      return d.reason === "away" ? "The away message was sent" : "The greeting was sent";
    case "csat_received":
      return `The customer rated the service ${d.csat} of 5`;
    default:
      return e.type;
  }
}
