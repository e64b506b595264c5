import { useEffect, useState, type FormEvent } from "react";
import { ApiError, api } from "../api";
import { numberWords, usePhoneNumbers } from "../numbers/use-phone-numbers";

interface EntryPoint {
  code: string;
  deep_link_url: string;
  prefilled_message: string;
}
interface WidgetSettings {
  enabled: boolean;
  phone_number_id?: string;
  title: string;
  greeting: string;
  button_label: string;
  start_label: string;
  brand_color: string;
  position: "bottom-right" | "bottom-left";
  prefilled_message: string;
  opt_in_text: string | null;
  allowed_origins: string[];
}
interface SavedWidget extends WidgetSettings {
  public_id: string;
  phone_number_id: string;
  entry_points: { plain: EntryPoint; opt_in: EntryPoint | null };
  script_url: string;
  snippet: string;
  version: number;
}
/** The form keeps the opt-in text while the checkbox is off, and the origins as lines. */
type Form = Omit<WidgetSettings, "opt_in_text" | "allowed_origins"> & {
  offer_opt_in: boolean;
  opt_in_text: string;
  allowed_origins: string;
};

/** The settings only (a saved widget also has its id, links and snippet, which the API does not take back). */
const toForm = (w: WidgetSettings): Form => ({
  enabled: w.enabled,
  phone_number_id: w.phone_number_id ?? "",
  title: w.title,
  greeting: w.greeting,
  button_label: w.button_label,
  start_label: w.start_label,
  brand_color: w.brand_color,
  position: w.position,
  prefilled_message: w.prefilled_message,
  offer_opt_in: w.opt_in_text !== null,
  opt_in_text: w.opt_in_text ?? "Send me offers on WhatsApp",
  allowed_origins: w.allowed_origins.join("\n"),
});
const fromForm = ({ offer_opt_in, ...f }: Form): WidgetSettings => ({
  ...f,
  phone_number_id: f.phone_number_id || undefined,
  opt_in_text: offer_opt_in ? f.opt_in_text : null,
  allowed_origins: f.allowed_origins.split(/\s+/).filter(Boolean),
});

/** How long the form rests before its preview is made again (each keystroke would reload the frame). */
const PREVIEW_PAUSE_MS = 250;

/**
 * The website chat widget: its settings, a preview of the real script with the settings as they
 * stand in the form (saved or not), and, once saved, the snippet a shop pastes and its links.
 */
export function Widget() {
  const numbers = usePhoneNumbers();
  const [saved, setSaved] = useState<SavedWidget | null>(null);
  const [form, setForm] = useState<Form | null>(null);
  const [notice, setNotice] = useState<{ error: boolean; text: string; field?: string } | null>(null);
  const [copied, setCopied] = useState(false);
  /** The script the form's settings make (null: switched off), and why the last change could not be previewed. */
  const [preview, setPreview] = useState<{ script: string | null; version: number } | null>(null);
  const [previewProblem, setPreviewProblem] = useState<string | null>(null);
  useEffect(() => {
    void api("GET", "/suite/api/settings/widget").then((r) => {
      setSaved(r.widget);
      setForm(toForm(r.widget ?? r.defaults));
    });
  }, []);
  useEffect(() => {
    if (!form) return;
    let stale = false;
    const t = setTimeout(
      () => {
        api<{ script: string | null }>("POST", "/suite/api/settings/widget/preview", fromForm(form))
          .then((r) => {
            if (!stale) {
              setPreview((p) => ({ script: r.script, version: (p?.version ?? 0) + 1 }));
              setPreviewProblem(null);
            }
          })
          .catch((err) => {
            if (!stale) setPreviewProblem(err instanceof ApiError ? err.message : String(err));
          });
      },
      preview ? PREVIEW_PAUSE_MS : 0,
    );
    return () => {
      stale = true;
      clearTimeout(t);
    };
  }, [form]);
  if (!form) return <div className="page">Loading…</div>;

  const set = (patch: Partial<Form>) => setForm({ ...form, ...patch });
  const invalid = (field: string) =>
    notice?.field === field || notice?.field?.startsWith(`${field}.`) ? true : undefined;
  const save = async (e: FormEvent) => {
    e.preventDefault();
    setNotice(null);
    try {
      const r = await api("PUT", "/suite/api/settings/widget", fromForm(form));
      setSaved(r.widget);
      setForm(toForm(r.widget));
      setNotice({ error: false, text: "Widget saved. Pages that show it pick up a change within five minutes." });
    } catch (err) {
      setNotice(
        err instanceof ApiError
          ? { error: true, text: err.message, field: err.body?.error?.field }
          : { error: true, text: String(err) },
      );
    }
  };
  const copy = async () => {
    await navigator.clipboard.writeText(saved!.snippet);
    setCopied(true);
    setTimeout(() => setCopied(false), 2000);
  };

  return (
    <div className="page">
      <h1>Website widget</h1>
      <p className="muted">
        A WhatsApp chat button for your shop's pages. Visitors who tick the box send a message that grants marketing
        consent, recorded with the widget's code as its source.
      </p>
      <div className="two-col widget-page">
        <form className="grid-form" onSubmit={(e) => void save(e)} aria-label="Widget settings">
          <label className="check">
            <input type="checkbox" checked={form.enabled} onChange={(e) => set({ enabled: e.target.checked })} /> Show
            the widget on the shop's pages
          </label>
          <label>
            Business number
            <select
              value={form.phone_number_id}
              aria-invalid={invalid("phone_number_id")}
              onChange={(e) => set({ phone_number_id: e.target.value })}
            >
              {!form.phone_number_id && <option value="">first number</option>}
              {numbers.map((n) => (
                <option key={n.id} value={n.id}>
                  {numberWords(n)}
                </option>
              ))}
            </select>
          </label>
          <label>
            Title
            <input
              required
              maxLength={60}
              value={form.title}
              aria-invalid={invalid("title")}
              onChange={(e) => set({ title: e.target.value })}
            />
          </label>
          <label>
            Greeting
            <textarea
              required
              rows={2}
              maxLength={300}
              value={form.greeting}
              aria-invalid={invalid("greeting")}
              onChange={(e) => set({ greeting: e.target.value })}
            />
          </label>
          <label>
            Button label
            <input
              required
              maxLength={40}
              value={form.button_label}
              aria-invalid={invalid("button_label")}
              onChange={(e) => set({ button_label: e.target.value })}
            />
          </label>
          <label>
            Start button label
            <input
              required
              maxLength={40}
              value={form.start_label}
              aria-invalid={invalid("start_label")}
              onChange={(e) => set({ start_label: e.target.value })}
            />
          </label>
          <div className="inline">
            <label className="check">
              Brand colour
              <input
                type="color"
                value={form.brand_color}
                aria-invalid={invalid("brand_color")}
                onChange={(e) => set({ brand_color: e.target.value })}
              />
            </label>
            <label className="check">
              Position
              <select value={form.position} onChange={(e) => set({ position: e.target.value as Form["position"] })}>
                <option value="bottom-right">bottom right</option>
                <option value="bottom-left">bottom left</option>
              </select>
            </label>
          </div>
          <label>
            Message the customer sends ({form.prefilled_message.length}/140)
            <textarea
              required
              rows={2}
              maxLength={140}
              value={form.prefilled_message}
              aria-invalid={invalid("prefilled_message")}
              onChange={(e) => set({ prefilled_message: e.target.value })}
            />
          </label>
          <label className="check">
            <input
              type="checkbox"
              checked={form.offer_opt_in}
              onChange={(e) => set({ offer_opt_in: e.target.checked })}
            />{" "}
            Offer marketing opt-in (a checkbox, unticked)
          </label>
          {form.offer_opt_in && (
            <label>
              Opt-in checkbox text
              <input
                required
                maxLength={100}
                value={form.opt_in_text}
                aria-invalid={invalid("opt_in_text")}
                onChange={(e) => set({ opt_in_text: e.target.value })}
              />
            </label>
          )}
          <label>
            Allowed sites (one origin a line, e.g. https://shop.example; empty: anywhere)
            <textarea
              rows={2}
              value={form.allowed_origins}
              aria-invalid={invalid("allowed_origins")}
              onChange={(e) => set({ allowed_origins: e.target.value })}
            />
          </label>
          <button type="submit">Save widget</button>
          {/* Under the button, not above the form: a notice never moves what the person is looking at. */}
          {notice && (
            <p role={notice.error ? "alert" : "status"} className={notice.error ? "error" : "notice"}>
              {notice.text}
            </p>
          )}
        </form>
        <WidgetOutput
          saved={saved}
          preview={preview}
          previewProblem={previewProblem}
          copied={copied}
          onCopy={() => void copy()}
        />
      </div>
    </div>
  );
}

/** A page of this origin around the preview: the script runs inline, as the shop's pages run it from the snippet. */
const previewPage = (body: string) =>
  `<!doctype html><html><head><meta charset="utf-8"><style>body{margin:0;padding:16px;font:14px system-ui,sans-serif;color:#6b7b83;background:#f6f7f9}</style></head><body>${body}</body></html>`;

function WidgetOutput({
  saved,
  preview,
  previewProblem,
  copied,
  onCopy,
}: {
  saved: SavedWidget | null;
  preview: { script: string | null; version: number } | null;
  previewProblem: string | null;
  copied: boolean;
  onCopy: () => void;
}) {
  const page = !preview
    ? null
    : preview.script === null
      ? previewPage("<p>The widget is switched off: its script shows nothing.</p>")
      : previewPage(`<p>Your shop's page</p><script>${preview.script}</script>`);
  return (
    <div className="template-editor widget-output">
      <h2>Preview</h2>
      <p className="muted widget-preview-note" aria-live="polite">
        {previewProblem
          ? `Showing the last settings that work: ${previewProblem}`
          : saved
            ? "As the form stands, saved or not."
            : "As the form stands: save it to put it on your pages."}
      </p>
      {/* Same frame, same size, whatever it shows: the column never jumps. */}
      {page ? (
        <iframe key={preview!.version} title="Widget preview" srcDoc={page} />
      ) : (
        <div className="widget-preview-frame" aria-hidden="true" />
      )}
      <h2>Snippet</h2>
      <p className="muted">
        {saved ? (
          <>
            Paste it into every page, before <code>&lt;/body&gt;</code>.
          </>
        ) : (
          "Saving the widget gives it its snippet."
        )}
      </p>
      <textarea
        aria-label="Snippet"
        readOnly
        rows={3}
        value={saved?.snippet ?? ""}
        placeholder="Not saved yet"
        disabled={!saved}
        onFocus={(e) => e.target.select()}
      />
      <button type="button" onClick={onCopy} disabled={!saved}>
        {copied ? "Copied" : "Copy snippet"}
      </button>
      {saved && (
        <>
          <h2>Links</h2>
          <dl>
            <dt>Plain</dt>
            <dd>
              <a href={saved.entry_points.plain.deep_link_url} target="_blank" rel="noreferrer">
                {saved.entry_points.plain.deep_link_url}
              </a>
            </dd>
            {saved.entry_points.opt_in && (
              <>
                <dt>
                  Opt-in (grants consent with source <code>widget:{saved.entry_points.opt_in.code}</code>)
                </dt>
                <dd>
                  <a href={saved.entry_points.opt_in.deep_link_url} target="_blank" rel="noreferrer">
                    {saved.entry_points.opt_in.deep_link_url}
                  </a>
                  <pre className="preview">{saved.entry_points.opt_in.prefilled_message}</pre>
                </dd>
              </>
            )}
          </dl>
        </>
      )}
    </div>
  );
}
