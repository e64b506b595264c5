import { renderCanned } from "@openwaba/suite/canned";
import { useEffect, useState, type FormEvent } from "react";
import { ApiError, api, type Conversation } from "../api";
import type { Session } from "../App";
import { TemplateForm } from "./TemplateForm";

interface Canned { id: string; shortcut: string; title: string; body: string }

/** Free-form text (with canned responses) while the window is open; only approved templates once it has closed. Notes at any time. */
export function Composer({ conv, session, canSend, onError }: { conv: Conversation; session: Session; canSend: boolean; onError: (e: string | null) => void }) {
  const [text, setText] = useState("");
  const [note, setNote] = useState(false);
  const [canned, setCanned] = useState<Canned[]>([]);
  const [busy, setBusy] = useState(false);
  useEffect(() => { void api("GET", "/suite/api/canned-responses").then((r) => setCanned(r.data)); }, []);

  const send = async (e?: FormEvent) => {
    e?.preventDefault();
    if (!text.trim()) return;
    setBusy(true); onError(null);
    try {
      if (note) await api("POST", `/suite/api/conversations/${conv.id}/notes`, { body: text });
      else await api("POST", `/suite/api/conversations/${conv.id}/messages`, { type: "text", text: { body: text } });
      setText("");
    } catch (err) { onError(err instanceof ApiError ? err.message : String(err)); } finally { setBusy(false); }
  };
  const useCanned = (id: string) => {
    const c = canned.find((x) => x.id === id);
    if (c) setText(renderCanned(c.body, { customer_name: conv.contact_name, wa_id: conv.wa_id, agent_name: session.user.name }).text);
  };
  let lastTyping = 0;
  const typed = (v: string) => {
    setText(v);
    if (!note && Date.now() - lastTyping > 2000) { lastTyping = Date.now(); void api("POST", `/suite/api/conversations/${conv.id}/typing`).catch(() => undefined); }
  };

  if (!canSend) return <p className="muted composer">Assigned to another agent.</p>;
  if (!conv.window.open && !note) {
    return (
      <div className="composer">
        <TemplateForm conv={conv} onError={onError} />
        <button type="button" className="link" onClick={() => setNote(true)}>Write an internal note instead</button>
      </div>
    );
  }
  return (
    <form className={`composer ${note ? "noting" : ""}`} onSubmit={send}>
      <div className="composer-tools">
        <label><input type="checkbox" checked={note} onChange={(e) => setNote(e.target.checked)} /> Internal note</label>
        {!note && canned.length > 0 && (
          <select aria-label="Canned response" value="" onChange={(e) => useCanned(e.target.value)}>
            <option value="">Canned response…</option>
            {canned.map((c) => <option key={c.id} value={c.id}>/{c.shortcut} — {c.title}</option>)}
          </select>
        )}
      </div>
      <textarea aria-label={note ? "Internal note" : "Message"} value={text} rows={3} onChange={(e) => typed(e.target.value)}
        onKeyDown={(e) => { if (e.key === "Enter" && (e.ctrlKey || e.metaKey)) void send(); }} placeholder={note ? "Only your team sees this" : "Type a reply (Ctrl+Enter sends)"} />
      <button type="submit" disabled={busy || !text.trim()}>{note ? "Add note" : "Send"}</button>
    </form>
  );
}
