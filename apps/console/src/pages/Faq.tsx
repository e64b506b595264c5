import type { FaqEntry, FaqList, UnansweredQuestion } from "@openwaba/contracts/suite";
import { useEffect, useState, type FormEvent } from "react";
import { ApiError, api } from "../api";

/** An entry as its form holds it: other ways to ask, one a line. */
interface Draft {
  question: string;
  alternatives: string;
  answer: string;
  language: string;
}

const EMPTY: Draft = { question: "", alternatives: "", answer: "", language: "" };
const toDraft = (e: FaqEntry): Draft => ({
  question: e.question,
  alternatives: e.alternatives.join("\n"),
  answer: e.answer,
  language: e.language ?? "",
});
const fromDraft = (d: Draft) => ({
  question: d.question,
  answer: d.answer,
  language: d.language || null,
  alternatives: d.alternatives
    .split("\n")
    .map((l) => l.trim())
    .filter(Boolean),
});

/** The FAQ bot: its knowledge base, its switch and threshold, what it could not answer, and a way to try it. */
export function Faq({ admin }: { admin: boolean }) {
  const [data, setData] = useState<FaqList | null>(null);
  const [missed, setMissed] = useState<UnansweredQuestion[]>([]);
  const [form, setForm] = useState<Draft>(EMPTY);
  const [editing, setEditing] = useState<{ id: string; draft: Draft } | null>(null);
  const [probe, setProbe] = useState("");
  const [result, setResult] = useState<any>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const load = () => {
    void api("GET", "/suite/api/faq").then(setData);
    void api("GET", "/suite/api/faq/unanswered").then((r) => setMissed(r.data));
  };
  useEffect(load, []);
  const run = async (f: () => Promise<unknown>) => {
    setNotice(null);
    try {
      await f();
      load();
    } catch (e) {
      setNotice(e instanceof ApiError ? e.message : String(e));
    }
  };
  const add = (e: FormEvent) => {
    e.preventDefault();
    void run(async () => {
      await api("POST", "/suite/api/faq", fromDraft(form));
      setForm(EMPTY);
    });
  };
  const save = (e: FormEvent) => {
    e.preventDefault();
    if (editing)
      void run(async () => {
        await api("PATCH", `/suite/api/faq/${editing.id}`, fromDraft(editing.draft));
        setEditing(null);
      });
  };
  if (!data) return <div className="page">Loading…</div>;
  return (
    <div className="page">
      <h1>FAQ bot</h1>
      {notice && (
        <p role="alert" className="error">
          {notice}
        </p>
      )}
      <div className="toolbar">
        <label className="check">
          <input
            type="checkbox"
            disabled={!admin}
            checked={data.bot.enabled}
            onChange={(e) => void run(() => api("PUT", "/suite/api/settings/faq-bot", { enabled: e.target.checked }))}
          />{" "}
          Answer customers automatically
        </label>
        <label>
          Confidence needed{" "}
          <input
            type="number"
            min={0.1}
            max={1}
            step={0.05}
            disabled={!admin}
            value={data.bot.threshold}
            onChange={(e) =>
              void run(() =>
                api("PUT", "/suite/api/settings/faq-bot", {
                  enabled: data.bot.enabled,
                  threshold: Number(e.target.value),
                }),
              )
            }
          />
        </label>
      </div>
      <form
        className="inline"
        onSubmit={(e) => {
          e.preventDefault();
          void api("POST", "/suite/api/faq/try", { question: probe }).then(setResult);
        }}
        aria-label="Try a question"
      >
        <input
          aria-label="A customer's question"
          placeholder="Try a customer's question"
          size={50}
          value={probe}
          onChange={(e) => setProbe(e.target.value)}
        />
        <button type="submit">Try</button>
      </form>
      {result && (
        <p role="status">
          {result.match
            ? `${result.would_answer ? "Would answer" : "Would hand over"} (confidence ${result.match.confidence}, as “${result.match.matched}”): ${result.match.answer}`
            : "No entry matches: it would hand over."}
        </p>
      )}
      <table>
        <thead>
          <tr>
            <th>Question</th>
            <th>Answer</th>
            <th>Language</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {data.data.map((f) =>
            editing?.id === f.id ? (
              <tr key={f.id}>
                <td colSpan={4}>
                  <EntryForm
                    label={`Edit “${f.question}”`}
                    draft={editing.draft}
                    onChange={(draft) => setEditing({ id: f.id, draft })}
                    onSubmit={save}
                    submit="Save entry"
                    onCancel={() => setEditing(null)}
                  />
                </td>
              </tr>
            ) : (
              <tr key={f.id}>
                <td>
                  {f.question}
                  {f.alternatives.length > 0 && (
                    <ul className="faq-alternatives" aria-label="Also asked as">
                      {f.alternatives.map((a) => (
                        <li key={a}>{a}</li>
                      ))}
                    </ul>
                  )}
                </td>
                <td>{f.answer}</td>
                <td>{f.language ?? "—"}</td>
                <td>
                  <button type="button" onClick={() => setEditing({ id: f.id, draft: toDraft(f) })}>
                    Edit
                  </button>{" "}
                  <button type="button" onClick={() => void run(() => api("DELETE", `/suite/api/faq/${f.id}`))}>
                    Delete
                  </button>
                </td>
              </tr>
            ),
          )}
        </tbody>
      </table>
      <EntryForm label="New FAQ entry" draft={form} onChange={setForm} onSubmit={add} submit="Add entry" />
      <h2>Questions it could not answer</h2>
      <ul>
        {missed.map((m) => (
          <li key={m.id}>
            <a href={`#/inbox/${m.conversation_id}`}>{m.question}</a>{" "}
            <span className="muted">
              (confidence {m.confidence}) {new Date(m.at).toLocaleString()}
            </span>
          </li>
        ))}
        {!missed.length && <li className="muted">None yet.</li>}
      </ul>
    </div>
  );
}

function EntryForm({
  label,
  draft,
  onChange,
  onSubmit,
  submit,
  onCancel,
}: {
  label: string;
  draft: Draft;
  onChange: (d: Draft) => void;
  onSubmit: (e: FormEvent) => void;
  submit: string;
  onCancel?: () => void;
}) {
  return (
    <form className="grid-form" onSubmit={onSubmit} aria-label={label}>
      <label>
        Question
        <input
          required
          minLength={3}
          value={draft.question}
          onChange={(e) => onChange({ ...draft, question: e.target.value })}
        />
      </label>
      <label>
        Other ways to ask it (one a line; the bot matches any of them)
        <textarea
          rows={3}
          value={draft.alternatives}
          placeholder={"When are you open?\nAre you open on Sundays?"}
          onChange={(e) => onChange({ ...draft, alternatives: e.target.value })}
        />
      </label>
      <label>
        Answer
        <textarea
          required
          rows={3}
          value={draft.answer}
          onChange={(e) => onChange({ ...draft, answer: e.target.value })}
        />
      </label>
      <label>
        Language (pl, ru, es, ca, it, en…)
        <input
          value={draft.language}
          maxLength={2}
          onChange={(e) => onChange({ ...draft, language: e.target.value.toLowerCase() })}
        />
      </label>
      <div className="inline">
        <button type="submit">{submit}</button>
        {onCancel && (
          <button type="button" onClick={onCancel}>
            Cancel
          </button>
        )}
      </div>
    </form>
  );
}
