import { useEffect, useMemo, useState, type FormEvent } from "react";
import { ApiError, api, type Conversation } from "../api";
import { approvedTemplates, bodyOf, fillVariables, placeholders, type Template } from "../templates/template-text";

/** Outside the window: pick an approved template, fill its body's parameters, see it rendered, send. */
export function TemplateForm({ conv, onError }: { conv: Conversation; onError: (e: string | null) => void }) {
  const [templates, setTemplates] = useState<Template[]>([]);
  const [chosen, setChosen] = useState<string>("");
  const [values, setValues] = useState<Record<string, string>>({});
  useEffect(() => { void approvedTemplates().then(setTemplates); }, []);
  const t = templates.find((x) => x.id === chosen);
  const body = bodyOf(t);
  const names = useMemo(() => placeholders(body), [body]);
  const preview = fillVariables(body, values);

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
