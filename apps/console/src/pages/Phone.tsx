import { useEffect, useRef, useState, type FormEvent } from "react";
import { ApiError, api } from "../api";
import { Icon, type IconName } from "../components/Icon";
import { dayKey, dayWords } from "../inbox/day-words";
import { numberWords, type PhoneNumber } from "../numbers/use-phone-numbers";
import { formatNumber } from "../numbers/phone-number-words";
import { go, useRoute } from "../route";
import { useClockTravel } from "../stream";

interface SimUser {
  wa_id: string;
  name: string;
  country: string;
  online: boolean;
  on_whatsapp: boolean;
}
interface ChatMessage {
  id: string;
  direction: "sent" | "received";
  type: string;
  content: any;
  timestamp: string;
  ticks: string;
}
interface Chat {
  business: { verified_name: string; display_phone_number: string };
  typing: boolean;
  messages: ChatMessage[];
  server_time: string;
}

// Drawn ticks: an emoji font may be missing.
const TICK: Record<string, IconName> = { sent: "check", delivered: "checks", read: "checks" };

/**
 * The phone view: be one of the simulated customers and chat with one of the business's numbers
 * as on a phone, so the whole product can be tried alone in a browser. The number and the customer
 * live in the tab's address (#/phone/<number id>/<wa_id>); without one, the business's first number
 * (the Cloud API's first, every feature's default). (A phone does not get the console's stream; it
 * looks every second, as a device would be told by WhatsApp — and at once when the clock travels.)
 */
export function Phone() {
  const route = useRoute();
  const [numbers, setNumbers] = useState<PhoneNumber[] | null>(null);
  const [users, setUsers] = useState<SimUser[]>([]);
  const [firstCustomer, setFirstCustomer] = useState<string>("");
  const [chat, setChat] = useState<Chat | null>(null);
  const [text, setText] = useState("");
  const [newNumber, setNewNumber] = useState("");
  const [error, setError] = useState<string | null>(null);
  const number = numbers?.find((n) => n.id === route[1]) ?? numbers?.[0];
  const phone = number?.id;
  const who = route[2] ?? firstCustomer;
  const show = (p: string | undefined, w: string) => go(`phone/${p ?? ""}${w ? `/${w}` : ""}`);
  const chatPath = (what: "chat" | "messages") => `/suite/api/phone/users/${who}/${what}?phone=${phone}`;

  const loadUsers = () =>
    api("GET", "/suite/api/phone/users").then((r) => {
      setUsers(r.data);
      if (r.data[0]) setFirstCustomer(r.data.find((u: SimUser) => u.on_whatsapp && u.online)?.wa_id ?? r.data[0].wa_id);
    });
  useEffect(() => {
    void loadUsers();
    void api("GET", "/suite/api/phone/numbers")
      .then((r) => setNumbers(r.data))
      .catch((e) => {
        setNumbers([]);
        setError(e instanceof ApiError ? e.message : String(e));
      });
  }, []);
  const refresh = useRef<() => void>(() => undefined);
  useEffect(() => {
    setChat(null);
    if (!who || !phone) return;
    let stop = false;
    const tick = () =>
      api("GET", chatPath("chat"))
        .then((c) => {
          if (!stop) setChat(c);
        })
        .catch(() => undefined);
    refresh.current = () => void tick();
    void tick();
    const t = setInterval(tick, 1000);
    return () => {
      stop = true;
      clearInterval(t);
      refresh.current = () => undefined;
    };
  }, [who, phone]);
  // The phone's clock is the simulated world's: a travel shows at once.
  useClockTravel(() => refresh.current());

  const send = async (e: FormEvent) => {
    e.preventDefault();
    if (!text.trim() || !phone) return;
    setError(null);
    try {
      await api("POST", chatPath("messages"), { type: "text", text: { body: text } });
      setText("");
      refresh.current();
    } catch (err) {
      setError(err instanceof ApiError ? err.message : String(err));
    }
  };
  const tap = async (m: ChatMessage, payload: Record<string, unknown>) => {
    try {
      await api("POST", chatPath("messages"), { ...payload, context: { message_id: m.id } });
    } catch (err) {
      setError(err instanceof ApiError ? err.message : String(err));
    }
  };
  const create = async (e: FormEvent) => {
    e.preventDefault();
    const waId = newNumber.replace(/\D/g, "");
    try {
      await api("POST", "/suite/api/phone/users", { wa_id: waId });
      await loadUsers();
      show(phone, waId);
      setNewNumber("");
    } catch (err) {
      setError(err instanceof ApiError ? err.message : String(err));
    }
  };

  const now = chat ? Date.parse(chat.server_time) : Date.now();
  const messages = chat?.messages ?? [];
  return (
    <div className="phone-page">
      <aside className="phone-users" aria-label="Simulated customers">
        <label className="phone-business">
          Business number
          <select value={phone ?? ""} onChange={(e) => show(e.target.value, who)} disabled={!numbers?.length}>
            {(numbers ?? []).map((n) => (
              <option key={n.id} value={n.id}>
                {numberWords(n)}
              </option>
            ))}
          </select>
        </label>
        <form onSubmit={create}>
          <label>
            New customer
            <input
              value={newNumber}
              onChange={(e) => setNewNumber(e.target.value)}
              placeholder="48600100200"
              aria-label="New customer's number"
            />
          </label>
          <button type="submit">Add</button>
        </form>
        <ul>
          {users.map((u) => (
            <li key={u.wa_id}>
              <button aria-pressed={u.wa_id === who} onClick={() => show(phone, u.wa_id)} disabled={!u.on_whatsapp}>
                {u.name}{" "}
                <span className="muted">
                  +{u.wa_id} {u.country}
                  {u.on_whatsapp ? "" : " · not on WhatsApp"}
                </span>
              </button>
            </li>
          ))}
        </ul>
      </aside>
      <section className="phone" aria-label="Phone" data-phone-number-id={phone}>
        <header className="phone-head">
          {chat && (
            <time className="phone-clock" dateTime={chat.server_time} aria-label="The phone's clock">
              {new Date(now).toLocaleString(undefined, {
                weekday: "short",
                day: "numeric",
                month: "short",
                hour: "2-digit",
                minute: "2-digit",
              })}
            </time>
          )}
          {number?.verified_name ?? chat?.business.verified_name ?? "…"}
          <span>
            {chat?.typing
              ? "typing…"
              : formatNumber(number?.display_phone_number ?? chat?.business.display_phone_number ?? "")}
          </span>
        </header>
        <ol className="phone-chat">
          {messages.map((m, i) => [
            // A new day starts a separator, said against the phone's (simulated) today.
            i === 0 || dayKey(m.timestamp) !== dayKey(messages[i - 1].timestamp) ? (
              <li
                key={`day-${dayKey(m.timestamp)}`}
                className="day-separator"
                role="separator"
                aria-label={dayWords(m.timestamp, now)}
              >
                <span>{dayWords(m.timestamp, now)}</span>
              </li>
            ) : null,
            <li key={m.id} className={`pbubble ${m.direction}`} data-message-id={m.id}>
              <PhoneContent m={m} onTap={(p) => void tap(m, p)} />
              <span className="meta">
                {new Date(m.timestamp).toLocaleTimeString()}{" "}
                {m.direction === "sent" && (
                  <span className={`ticks ${m.ticks}`} data-status={m.ticks}>
                    {TICK[m.ticks] && <Icon name={TICK[m.ticks]} />}
                  </span>
                )}
              </span>
            </li>,
          ])}
        </ol>
        {error && (
          <p className="error" role="alert">
            {error}
          </p>
        )}
        <form className="phone-input" onSubmit={send}>
          <input
            aria-label="Message as the customer"
            value={text}
            onChange={(e) => setText(e.target.value)}
            placeholder="Message"
          />
          <button type="submit" aria-label="Send as the customer">
            <Icon name="send" />
          </button>
        </form>
      </section>
    </div>
  );
}

function PhoneContent({ m, onTap }: { m: ChatMessage; onTap: (p: Record<string, unknown>) => void }) {
  const c = m.content ?? {};
  if (m.type === "text") return <p>{c.body}</p>;
  if (m.type === "template") {
    const r = c.rendered ?? {};
    return (
      <div>
        {r.header?.text && <strong>{r.header.text}</strong>}
        <p>{r.body ?? c.name}</p>
        {r.footer && <small>{r.footer}</small>}
        {(r.buttons ?? [])
          .filter((b: any) => b.type === "quick_reply")
          .map((b: any) => (
            <button key={b.text} onClick={() => onTap({ type: "button", button: { text: b.text } })}>
              {b.text}
            </button>
          ))}
      </div>
    );
  }
  if (m.type === "interactive") {
    const buttons = c.action?.buttons ?? [];
    const rows = (c.action?.sections ?? []).flatMap((s: any) => s.rows ?? []);
    return (
      <div>
        <p>{c.body?.text}</p>
        {buttons.map((b: any) => (
          <button
            key={b.reply.id}
            onClick={() =>
              onTap({ type: "interactive", interactive: { type: "button_reply", button_reply: { id: b.reply.id } } })
            }
          >
            {b.reply.title}
          </button>
        ))}
        {rows.length > 0 && (
          <details className="plist">
            <summary>{c.action.button}</summary>
            {rows.map((r: any) => (
              <button
                key={r.id}
                onClick={() =>
                  onTap({ type: "interactive", interactive: { type: "list_reply", list_reply: { id: r.id } } })
                }
              >
                {r.title}
                {r.description && <small> {r.description}</small>}
              </button>
            ))}
          </details>
        )}
      </div>
    );
  }
  return <p>{c.body ?? c.caption ?? m.type}</p>;
}
