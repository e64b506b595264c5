import { useEffect, useState, type FormEvent } from "react";
import { renderCanned, type CannedResponse, type Conversation, type TimelineMessage } from "@openwaba/contracts/suite";
import { ApiError, api } from "../api";
import { summary } from "./Thread";
import type { Session } from "../App";
import { TemplateForm } from "./TemplateForm";

const NOTE_LIMIT = 4096;

/** Free-form text (with canned responses) while the window is open; only approved templates once it has closed. Notes at any time. */
export function Composer({
  conv,
  session,
  canSend,
  onError,
  replyTo,
  clearReply,
}: {
  conv: Conversation;
  session: Session;
  canSend: boolean;
  onError: (e: string | null) => void;
  replyTo: TimelineMessage | null;
  clearReply: () => void;
}) {
  const [text, setText] = useState("");
  const [note, setNote] = useState(false);
  const [canned, setCanned] = useState<CannedResponse[]>([]);
  const [busy, setBusy] = useState(false);
  const [buttons, setButtons] = useState(["", "", ""]);
  const [withButtons, setWithButtons] = useState(false);
  const [withList, setWithList] = useState(false);
  const [rows, setRows] = useState("");
  const [listButton, setListButton] = useState("Choose");
  const attach = async (file: File | undefined) => {
    if (!file) return;
    onError(null);
    const form = new FormData();
    form.set("file", file);
    const csrf = (await api("GET", "/suite/api/me")).csrf_token;
    const up = await fetch(`/suite/api/conversations/${conv.id}/media`, {
      method: "POST",
      headers: { "x-csrf-token": csrf },
      body: form,
    });
    const json = await up.json();
    if (!up.ok) {
      onError(json.error?.message ?? "Upload failed");
      return;
    }
    const type = file.type.startsWith("image/")
      ? "image"
      : file.type.startsWith("video/")
        ? "video"
        : file.type.startsWith("audio/")
          ? "audio"
          : "document";
    try {
      await api("POST", `/suite/api/conversations/${conv.id}/messages`, {
        type,
        [type]: {
          id: json.id,
          ...(type === "document" ? { filename: file.name } : {}),
          ...(text && type !== "audio" ? { caption: text } : {}),
        },
      });
      setText("");
    } catch (err) {
      onError(err instanceof ApiError ? err.message : String(err));
    }
  };
  useEffect(() => {
    void api("GET", "/suite/api/canned-responses").then((r) => setCanned(r.data));
  }, []);

  // The Cloud API's limits (text body 4,096; an interactive message's body 1,024), counted as you type.
  const limit = note ? NOTE_LIMIT : withButtons || withList ? 1024 : 4096;
  const over = text.length - limit;
  const send = async (e?: FormEvent) => {
    e?.preventDefault();
    if (!text.trim() || over > 0) return;
    setBusy(true);
    onError(null);
    try {
      const context = replyTo ? { context_message_id: replyTo.id } : {};
      if (note) await api("POST", `/suite/api/conversations/${conv.id}/notes`, { body: text });
      else if (withList && rows.trim()) {
        // A list message: one section, a row per line (up to 10), opened by the list button.
        const list = rows
          .split("\n")
          .map((r) => r.trim())
          .filter(Boolean)
          .slice(0, 10);
        await api("POST", `/suite/api/conversations/${conv.id}/messages`, {
          type: "interactive",
          ...context,
          interactive: {
            type: "list",
            body: { text },
            action: {
              button: listButton,
              sections: [
                { title: "Options", rows: list.map((title, i) => ({ id: `r${i + 1}`, title: title.slice(0, 24) })) },
              ],
            },
          },
        });
        setRows("");
      } else if (withButtons && buttons.some((b) => b.trim())) {
        const list = buttons.map((b) => b.trim()).filter(Boolean);
        await api("POST", `/suite/api/conversations/${conv.id}/messages`, {
          type: "interactive",
          ...context,
          interactive: {
            type: "button",
            body: { text },
            action: { buttons: list.map((title, i) => ({ type: "reply", reply: { id: `b${i + 1}`, title } })) },
          },
        });
      } else
        await api("POST", `/suite/api/conversations/${conv.id}/messages`, {
          type: "text",
          text: { body: text },
          ...context,
        });
      setText("");
      setButtons(["", "", ""]);
      clearReply();
    } catch (err) {
      onError(err instanceof ApiError ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  };
  const insertCanned = (id: string) => {
    const c = canned.find((x) => x.id === id);
    if (c)
      setText(
        renderCanned(c.body, { customer_name: conv.contact_name, wa_id: conv.wa_id, agent_name: session.user.name })
          .text,
      );
  };
  let lastTyping = 0;
  const typed = (v: string) => {
    setText(v);
    if (!note && Date.now() - lastTyping > 2000) {
      lastTyping = Date.now();
      void api("POST", `/suite/api/conversations/${conv.id}/typing`).catch(() => undefined);
    }
  };

  if (!canSend) return <p className="muted composer">Assigned to another agent.</p>;
  if (!conv.window.open && !note) {
    return (
      <div className="composer">
        <TemplateForm conv={conv} onError={onError} />
        <button type="button" className="link" onClick={() => setNote(true)}>
          Write an internal note instead
        </button>
      </div>
    );
  }
  return (
    <form className={`composer ${note ? "noting" : ""}`} onSubmit={send}>
      <div className="composer-tools">
        <label>
          <input type="checkbox" checked={note} onChange={(e) => setNote(e.target.checked)} /> Internal note
        </label>
        {!note && (
          <label className="attach">
            Attach
            <input type="file" aria-label="Attach a file" onChange={(e) => void attach(e.target.files?.[0])} />
          </label>
        )}
        {!note && (
          <label>
            <input
              type="checkbox"
              checked={withButtons}
              onChange={(e) => {
                setWithButtons(e.target.checked);
                setWithList(false);
              }}
            />{" "}
            Reply buttons
          </label>
        )}
        {!note && (
          <label>
            <input
              type="checkbox"
              checked={withList}
              onChange={(e) => {
                setWithList(e.target.checked);
                setWithButtons(false);
              }}
            />{" "}
            List
          </label>
        )}
        {!note && canned.length > 0 && (
          <select aria-label="Canned response" value="" onChange={(e) => insertCanned(e.target.value)}>
            <option value="">Canned response…</option>
            {canned.map((c) => (
              <option key={c.id} value={c.id}>
                /{c.shortcut} — {c.title}
              </option>
            ))}
          </select>
        )}
      </div>
      {withList && !note && (
        <div className="inline">
          <input
            aria-label="List button"
            maxLength={20}
            value={listButton}
            onChange={(e) => setListButton(e.target.value)}
          />
          <textarea
            aria-label="List rows, one per line"
            rows={3}
            placeholder={"Track my order\nReturn an item\nTalk to us"}
            value={rows}
            onChange={(e) => setRows(e.target.value)}
          />
        </div>
      )}
      {replyTo && (
        <p className="replying">
          Replying to: {summary(replyTo)}{" "}
          <button type="button" className="link" onClick={clearReply}>
            cancel
          </button>
        </p>
      )}
      {withButtons && !note && (
        <div className="inline">
          {buttons.map((b, i) => (
            <input
              key={i}
              aria-label={`Button ${i + 1}`}
              maxLength={20}
              placeholder={`Button ${i + 1}`}
              value={b}
              onChange={(e) => setButtons(buttons.map((x, j) => (j === i ? e.target.value : x)))}
            />
          ))}
        </div>
      )}
      <textarea
        aria-label={note ? "Internal note" : "Message"}
        value={text}
        rows={3}
        onChange={(e) => typed(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === "Enter" && (e.ctrlKey || e.metaKey)) void send();
        }}
        placeholder={note ? "Only your team sees this" : "Type a reply (Ctrl+Enter sends)"}
      />
      <p
        className={`counter ${over > 0 ? "error" : text.length > limit * 0.9 ? "warning" : "muted"}`}
        aria-live="polite"
      >
        {over > 0
          ? `${over.toLocaleString()} characters over the limit of ${limit.toLocaleString()}`
          : `${text.length.toLocaleString()} / ${limit.toLocaleString()}`}
      </p>
      <button type="submit" disabled={busy || !text.trim() || over > 0}>
        {note ? "Add note" : "Send"}
      </button>
    </form>
  );
}
