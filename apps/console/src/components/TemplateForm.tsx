import { useEffect, useMemo, useState, type FormEvent } from "react";
import { ApiError, api, type Conversation } from "../api";

interface Template { id: string; name: string; language: string; status: string; category: string; parameter_format?: string; components: { type: string; text?: string }[] }

const placeholders = (text: string) => [...new Set([...text.matchAll(/\{\{\s*([\w]+)\s*\}\}/g)].map((m) => m[1]))];

/** Outside the window: pick an approved template, fill its body's parameters, see it rendered, send. */
export function TemplateForm({ conv, onError }: { conv: Conversation; onError: (e: string | null) => void }) {
  const [templates, setTemplates] = useState<Template[]>([]);
  const [chosen, setChosen] = useState<string>("");
  const [values, setValues] = useState<Record<string, string>>({});
  useEffect(() => { void api("GET", "/suite/api/templates").then((r) => setTemplates(r.data.filter((t: Template) => t.status === "APPROVED"))); }, []);
  const t = templates.find((x) => x.id === chosen);
  const body = t?.components.find((c) => c.type === "BODY")?.text ?? "";
  const names = useMemo(() => placeholders(body), [body]);
  const preview = body.replace(/\{\{\s*([\w]+)\s*\}\}/g, (w, n) => values[n] || w);

  const send = async (e: FormEvent) => {
    e.preventDefault();
    if (!t) return;
    onError(null);
    const named = t.parameter_format === "NAMED";
    const parameters = names.map((n) => ({ type: "text", text: values[n] ?? "", ...(named ? { parameter_name: n } : {}) }));
    try {
      await api("POST", `/suite/api/conversations/${conv.id}/messages`, {
        type: "template", template: { name: t.name, language: { code: t.language }, ...(parameters.length ? { components: [{ type: "body", parameters }] } : {}) },
      });
      setChosen(""); setValues({});
    } catch (err) { onError(err instanceof ApiError ? err.message : String(err)); }
  };
  return (
    <form className="template-form" onSubmit={send} aria-label="Send a template">
      <p className="muted">The customer service window is closed: only an approved template can be sent.</p>
      <select aria-label="Template" value={chosen} onChange={(e) => { setChosen(e.target.value); setValues({}); }}>
        <option value="">Choose a template…</option>
        {templates.map((x) => <option key={x.id} value={x.id}>{x.name} ({x.language}, {x.category.toLowerCase()})</option>)}
      </select>
      {names.map((n) => (
        <label key={n}>{`{{${n}}}`}<input value={values[n] ?? ""} onChange={(e) => setValues({ ...values, [n]: e.target.value })} required /></label>
      ))}
      {t && <p className="preview" aria-label="Preview">{preview}</p>}
      <button type="submit" disabled={!t}>Send template</button>
    </form>
  );
}
