import { useEffect, useState, type FormEvent } from "react";
import { ApiError, api } from "../api";

/** The FAQ bot: its knowledge base, its switch and threshold, what it could not answer, and a way to try it. */
export function Faq({ admin }: { admin: boolean }) {
  const [data, setData] = useState<{ data: any[]; bot: { enabled: boolean; threshold: number } } | null>(null);
  const [missed, setMissed] = useState<any[]>([]);
  const [form, setForm] = useState({ question: "", answer: "", language: "" });
  const [probe, setProbe] = useState("");
  const [result, setResult] = useState<any>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const load = () => { void api("GET", "/suite/api/faq").then(setData); void api("GET", "/suite/api/faq/unanswered").then((r) => setMissed(r.data)); };
  useEffect(load, []);
  const run = async (f: () => Promise<unknown>) => { setNotice(null); try { await f(); load(); } catch (e) { setNotice(e instanceof ApiError ? e.message : String(e)); } };
  const add = (e: FormEvent) => { e.preventDefault(); void run(async () => { await api("POST", "/suite/api/faq", { ...form, language: form.language || null }); setForm({ question: "", answer: "", language: "" }); }); };
  if (!data) return <div className="page">Loading…</div>;
  return (
    <div className="page">
      <h1>FAQ bot</h1>
      {notice && <p role="alert" className="error">{notice}</p>}
      <div className="toolbar">
        <label className="check"><input type="checkbox" disabled={!admin} checked={data.bot.enabled} onChange={(e) => void run(() => api("PUT", "/suite/api/settings/faq-bot", { enabled: e.target.checked }))} /> Answer customers automatically</label>
        <label>Confidence needed <input type="number" min={0.1} max={1} step={0.05} disabled={!admin} value={data.bot.threshold} onChange={(e) => void run(() => api("PUT", "/suite/api/settings/faq-bot", { enabled: data.bot.enabled, threshold: Number(e.target.value) }))} /></label>
      </div>
      <form className="inline" onSubmit={(e) => { e.preventDefault(); void api("POST", "/suite/api/faq/try", { question: probe }).then(setResult); }} aria-label="Try a question">
        <input aria-label="A customer's question" placeholder="Try a customer's question" size={50} value={probe} onChange={(e) => setProbe(e.target.value)} />
        <button type="submit">Try</button>
      </form>
      {result && <p role="status">{result.match ? `${result.would_answer ? "Would answer" : "Would hand over"} (confidence ${result.match.confidence}): ${result.match.answer}` : "No entry matches: it would hand over."}</p>}
      <table>
        <thead><tr><th>Question</th><th>Answer</th><th>Language</th><th /></tr></thead>
        <tbody>{data.data.map((f) => <tr key={f.id}><td>{f.question}</td><td>{f.answer}</td><td>{f.language ?? "—"}</td><td><button onClick={() => void run(() => api("DELETE", `/suite/api/faq/${f.id}`))}>Delete</button></td></tr>)}</tbody>
      </table>
      <form className="grid-form" onSubmit={add} aria-label="New FAQ entry">
        <label>Question<input required minLength={3} value={form.question} onChange={(e) => setForm({ ...form, question: e.target.value })} /></label>
        <label>Answer<textarea required rows={3} value={form.answer} onChange={(e) => setForm({ ...form, answer: e.target.value })} /></label>
        <label>Language (pl, ru, es, ca, it, en…)<input value={form.language} maxLength={2} onChange={(e) => setForm({ ...form, language: e.target.value.toLowerCase() })} /></label>
        <button type="submit">Add entry</button>
      </form>
      <h2>Questions it could not answer</h2>
      <ul>{missed.map((m) => <li key={m.id}><a href={`#/inbox/${m.conversation_id}`}>{m.question}</a> <span className="muted">(confidence {m.confidence}) {new Date(m.at).toLocaleString()}</span></li>)}
        {!missed.length && <li className="muted">None yet.</li>}</ul>
    </div>
  );
}
