import { useEffect, useState, type FormEvent } from "react";
import type { Conversation } from "@openwaba/contracts/suite";
import { ApiError, api, upload } from "../api";
import { sendComponentsOf, sendFieldsOf, sentTextOf, type HeaderMedia } from "../templates/template-send";
import { approvedTemplates, componentOf, type Template } from "../templates/template-text";

/**
 * Outside the window: pick an approved template, fill what it asks for (its header's variable or
 * file, its body's variables, a link's ending, an offer code, a one-time code), see it, send.
 */
export function TemplateForm({ conv, onError }: { conv: Conversation; onError: (e: string | null) => void }) {
  const [templates, setTemplates] = useState<Template[]>([]);
  const [chosen, setChosen] = useState<string>("");
  const [values, setValues] = useState<Record<string, string>>({});
  const [media, setMedia] = useState<HeaderMedia | null>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    void approvedTemplates().then(setTemplates);
  }, []);
  const t = templates.find((x) => x.id === chosen);
  const fields = sendFieldsOf(t);
  const preview = t ? sentTextOf(t, values) : null;
  const buttons = componentOf(t, "BUTTONS")?.buttons ?? [];

  const attach = async (file: File | undefined) => {
    setMedia(null);
    if (!file) return;
    onError(null);
    setBusy(true);
    try {
      const r = await upload<{ id: string }>(`/suite/api/conversations/${conv.id}/media`, file);
      setMedia({ id: r.id, filename: file.name });
    } catch (err) {
      onError(err instanceof ApiError ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  };
  const send = async (e: FormEvent) => {
    e.preventDefault();
    if (!t) return;
    onError(null);
    setBusy(true);
    const components = sendComponentsOf(t, values, media ?? undefined);
    try {
      await api("POST", `/suite/api/conversations/${conv.id}/messages`, {
        type: "template",
        template: { name: t.name, language: { code: t.language }, ...(components.length ? { components } : {}) },
      });
      setChosen("");
      setValues({});
      setMedia(null);
    } catch (err) {
      onError(err instanceof ApiError ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <form className="template-form" onSubmit={send} aria-label="Send a template">
      <p className="muted">The customer service window is closed: only an approved template can be sent.</p>
      <select
        aria-label="Template"
        value={chosen}
        onChange={(e) => {
          setChosen(e.target.value);
          setValues({});
          setMedia(null);
        }}
      >
        <option value="">Choose a template…</option>
        {templates.map((x) => (
          <option key={x.id} value={x.id}>
            {x.name} ({x.language}, {x.category.toLowerCase()})
          </option>
        ))}
      </select>
      {fields.map((f) =>
        f.kind === "media" ? (
          <label key={f.key}>
            {f.label}
            <input type="file" accept={f.accept} required onChange={(e) => void attach(e.target.files?.[0])} />
          </label>
        ) : (
          <label key={f.key}>
            {f.label}
            <input
              value={values[f.key] ?? ""}
              maxLength={f.maxLength}
              onChange={(e) => setValues({ ...values, [f.key]: e.target.value })}
              required
            />
            {f.hint && <small className="muted">{f.hint}</small>}
          </label>
        ),
      )}
      {preview && (
        <div className="preview" aria-label="Preview">
          {preview.header && (
            <p>
              <strong>{preview.header}</strong>
            </p>
          )}
          <p>{preview.body}</p>
          {buttons.length > 0 && (
            <p className="muted">
              {buttons
                .map((b) => `[${b.type === "COPY_CODE" ? "Copy offer code" : (b.text ?? "Copy code")}]`)
                .join(" ")}
            </p>
          )}
        </div>
      )}
      <button type="submit" disabled={!t || busy || (fields.some((f) => f.kind === "media") && !media)}>
        Send template
      </button>
    </form>
  );
}
