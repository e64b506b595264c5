import { useEffect, useState, type FormEvent } from "react";
import { ApiError, api } from "../api";
import { fillVariables } from "../templates/template-text";

const fill = (text: string, examples: string[]) => fillVariables(text, Object.fromEntries(examples.map((x, i) => [String(i + 1), x])));

/** Templates: their review status (and why), and a new one with a live preview of what the customer will see. */
export function Templates() {
  const [list, setList] = useState<any[]>([]);
  const [name, setName] = useState("");
  const [category, setCategory] = useState("UTILITY");
  const [language, setLanguage] = useState("en_US");
  const [body, setBody] = useState("Hello {{1}}, your order {{2}} is ready for pickup.");
  const [footer, setFooter] = useState("");
  const [examples, setExamples] = useState<string[]>(["Ola", "860198"]);
  const [message, setMessage] = useState<string | null>(null);
  const load = () => api("GET", "/suite/api/templates").then((r) => setList(r.data));
  useEffect(() => { void load(); }, []);
  const count = new Set([...body.matchAll(/\{\{\s*(\d+)\s*\}\}/g)].map((m) => m[1])).size;

  const create = async (e: FormEvent) => {
    e.preventDefault();
    setMessage(null);
    const components: any[] = [{ type: "BODY", text: body, ...(count ? { example: { body_text: [examples.slice(0, count)] } } : {}) }];
    if (footer) components.push({ type: "FOOTER", text: footer });
    try { const r = await api("POST", "/suite/api/templates", { name, language, category, components }); setMessage(`Submitted for review (${r.status}).`); void load(); }
    catch (err) { setMessage(err instanceof ApiError ? err.message : String(err)); }
  };
  return (
    <div className="page two-col">
      <section>
        <h1>Templates</h1>
        <table>
          <thead><tr><th>Name</th><th>Language</th><th>Category</th><th>Status</th><th>Quality</th></tr></thead>
          <tbody>{list.map((t) => (
            <tr key={t.id}><td>{t.name}</td><td>{t.language}</td><td>{t.category}</td><td title={t.rejected_reason ?? ""}>{t.status}{t.rejected_reason && t.rejected_reason !== "NONE" ? ` (${t.rejected_reason})` : ""}</td><td>{t.quality_score?.score ?? "—"}</td></tr>
          ))}</tbody>
        </table>
      </section>
      <form className="template-editor" onSubmit={create} aria-label="New template">
        <h2>New template</h2>
        <label>Name<input value={name} onChange={(e) => setName(e.target.value)} pattern="[a-z0-9_]+" required placeholder="order_ready" /></label>
        <label>Category<select value={category} onChange={(e) => setCategory(e.target.value)}><option>UTILITY</option><option>MARKETING</option><option>AUTHENTICATION</option></select></label>
        <label>Language<input value={language} onChange={(e) => setLanguage(e.target.value)} required /></label>
        <label>Body<textarea rows={4} value={body} onChange={(e) => setBody(e.target.value)} required /></label>
        {Array.from({ length: count }, (_, i) => (
          <label key={i}>{`Example for {{${i + 1}}}`}<input value={examples[i] ?? ""} onChange={(e) => { const x = [...examples]; x[i] = e.target.value; setExamples(x); }} required /></label>
        ))}
        <label>Footer (optional)<input value={footer} onChange={(e) => setFooter(e.target.value)} /></label>
        <div className="pbubble received preview-phone" aria-label="Preview"><p>{fill(body, examples)}</p>{footer && <small>{footer}</small>}</div>
        {message && <p role="status">{message}</p>}
        <button type="submit">Submit for review</button>
      </form>
    </div>
  );
}
