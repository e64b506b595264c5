import { useState, type FormEvent } from "react";
import { ApiError, api, upload } from "../api";
import {
  BUTTON_WORDS,
  EMPTY_TEMPLATE,
  addableButtons,
  categoryLocked,
  createRequestOf,
  draftOf,
  editRequestOf,
  newButton,
  previewOf,
  refusalOf,
  unsupportedButtons,
  urlHasVariable,
  withButton,
  type ButtonDraft,
  type ButtonType,
  type Category,
  type HeaderFormat,
  type TemplateDraft,
} from "../templates/template-draft";
import { TEMPLATE_LANGUAGES } from "../templates/template-languages";
import { placeholders, type Template } from "../templates/template-text";

const SAMPLE_TYPES: Record<string, string> = {
  IMAGE: "image/jpeg,image/png",
  VIDEO: "video/mp4",
  DOCUMENT: "application/pdf",
};

/**
 * A new template, or an edit of one (Meta's rules: name and language stay, an approved one keeps
 * its category): header (text with its example, or an image, video or document sample), body
 * with an example per variable, footer, buttons; or an authentication template's few choices.
 * What the Cloud API refuses is shown above the button, in Meta's words.
 */
export function TemplateEditor({
  editing,
  onSaved,
  onCancel,
}: {
  editing: Template | null;
  onSaved: (message: string) => void;
  onCancel: () => void;
}) {
  const [d, setD] = useState<TemplateDraft>(() =>
    editing
      ? draftOf(editing)
      : structuredClone({
          ...EMPTY_TEMPLATE,
          body: "Hello {{1}}, your order {{2}} is ready for pickup.",
          examples: { 1: "Ola", 2: "860198" },
        }),
  );
  const [problem, setProblem] = useState<{ title: string; message: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const set = (patch: Partial<TemplateDraft>) => setD({ ...d, ...patch });
  const setHeader = (patch: Partial<TemplateDraft["header"]>) => set({ header: { ...d.header, ...patch } });
  const setAuth = (patch: Partial<TemplateDraft["auth"]>) => set({ auth: { ...d.auth, ...patch } });
  const setButton = (i: number, patch: Partial<ButtonDraft>) =>
    set({ buttons: d.buttons.map((b, j) => (j === i ? ({ ...b, ...patch } as ButtonDraft) : b)) });
  const auth = d.category === "AUTHENTICATION";
  const names = placeholders(d.body);
  const headerVariable = d.header.format === "TEXT" ? placeholders(d.header.text)[0] : undefined;
  const preview = previewOf(d);
  const dropped = editing ? unsupportedButtons(editing) : [];

  const addVariable = () => {
    const next = String(Math.max(0, ...names.filter((n) => /^\d+$/.test(n)).map(Number)) + 1);
    set({ body: `${d.body}{{${next}}}` });
  };
  const chooseSample = async (file: File | undefined) => {
    if (!file) return;
    setProblem(null);
    setBusy(true);
    try {
      const r = await upload<{ handle: string; filename: string }>("/suite/api/templates/header-samples", file);
      setHeader({ handle: r.handle, sample: r.filename || file.name });
    } catch (err) {
      setHeader({ handle: "", sample: "" });
      setProblem(refusalOf(err instanceof ApiError ? err.body : null, "The sample could not be uploaded."));
    } finally {
      setBusy(false);
    }
  };
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setProblem(null);
    setBusy(true);
    try {
      if (editing) {
        await api("POST", `/suite/api/templates/${editing.id}`, editRequestOf(d, editing));
        onSaved(`Changes to ${editing.name} (${editing.language}) sent for review.`);
      } else {
        const r = await api("POST", "/suite/api/templates", createRequestOf(d));
        onSaved(`${d.name} (${d.language}) submitted for review (${r.status}).`);
      }
    } catch (err) {
      setProblem(
        refusalOf(err instanceof ApiError ? err.body : null, err instanceof Error ? err.message : String(err)),
      );
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="template-editor" onSubmit={submit} aria-label={editing ? "Edit template" : "New template"}>
      <h2>{editing ? `Edit ${editing.name}` : "New template"}</h2>
      {editing && (
        <p className="muted">
          An edit replaces the whole template and sends it to review again. The name and language stay
          {categoryLocked(editing)
            ? "; an approved template keeps its category and may be edited once a day, 10 times in 30 days"
            : ""}
          .
        </p>
      )}
      {dropped.length > 0 && (
        <p className="notice">
          This template has buttons this form does not make ({dropped.join(", ")}); saving here would remove them.
        </p>
      )}
      <label>
        Name
        <input
          value={d.name}
          onChange={(e) => set({ name: e.target.value })}
          pattern="[a-z0-9_]+"
          maxLength={512}
          required
          placeholder="order_ready"
          disabled={!!editing}
          title="Lower-case letters, digits and _"
        />
      </label>
      <label>
        Language
        <select
          aria-label="Language"
          value={d.language}
          onChange={(e) => set({ language: e.target.value })}
          disabled={!!editing}
        >
          {!TEMPLATE_LANGUAGES.some((l) => l.code === d.language) && <option value={d.language}>{d.language}</option>}
          {TEMPLATE_LANGUAGES.map((l) => (
            <option key={l.code} value={l.code}>
              {l.name} ({l.code})
            </option>
          ))}
        </select>
      </label>
      <label>
        Category
        <select
          aria-label="Category"
          value={d.category}
          onChange={(e) => set({ category: e.target.value as Category })}
          disabled={!!editing && categoryLocked(editing)}
        >
          <option value="UTILITY">Utility</option>
          <option value="MARKETING">Marketing</option>
          <option value="AUTHENTICATION">Authentication</option>
        </select>
      </label>

      {auth ? (
        <fieldset>
          <legend>One-time code</legend>
          <p className="muted">WhatsApp writes the message itself: "&lt;code&gt; is your verification code."</p>
          <label className="check">
            <input
              type="radio"
              name="otp"
              checked={d.auth.otp === "COPY_CODE"}
              onChange={() => setAuth({ otp: "COPY_CODE" })}
            />{" "}
            Copy code button
          </label>
          <label className="check">
            <input
              type="radio"
              name="otp"
              checked={d.auth.otp === "ONE_TAP"}
              onChange={() => setAuth({ otp: "ONE_TAP" })}
            />{" "}
            One-tap autofill (Android app)
          </label>
          <label>
            Button text
            <input
              value={d.auth.buttonText}
              maxLength={25}
              onChange={(e) => setAuth({ buttonText: e.target.value })}
              placeholder="Copy code"
            />
          </label>
          {d.auth.otp === "ONE_TAP" && (
            <>
              <label>
                Autofill text
                <input
                  value={d.auth.autofillText}
                  maxLength={25}
                  onChange={(e) => setAuth({ autofillText: e.target.value })}
                  placeholder="Autofill"
                />
              </label>
              <label>
                Android package name
                <input
                  value={d.auth.packageName}
                  required
                  maxLength={224}
                  onChange={(e) => setAuth({ packageName: e.target.value })}
                  placeholder="com.example.shop"
                />
              </label>
              <label>
                App signature hash
                <input
                  value={d.auth.signatureHash}
                  required
                  minLength={11}
                  maxLength={11}
                  onChange={(e) => setAuth({ signatureHash: e.target.value })}
                  placeholder="11 characters"
                />
              </label>
            </>
          )}
          <label className="check">
            <input
              type="checkbox"
              checked={d.auth.securityRecommendation}
              onChange={(e) => setAuth({ securityRecommendation: e.target.checked })}
            />{" "}
            Add "For your security, do not share this code."
          </label>
          <label>
            Code expires after (minutes, empty for no line)
            <input
              type="number"
              min={1}
              max={90}
              value={d.auth.expirationMinutes}
              onChange={(e) => setAuth({ expirationMinutes: e.target.value })}
            />
          </label>
        </fieldset>
      ) : (
        <>
          <fieldset>
            <legend>Header (optional)</legend>
            <label>
              Header type
              <select
                aria-label="Header type"
                value={d.header.format}
                onChange={(e) => setHeader({ format: e.target.value as HeaderFormat, handle: "", sample: "" })}
              >
                <option value="NONE">None</option>
                <option value="TEXT">Text</option>
                <option value="IMAGE">Image</option>
                <option value="VIDEO">Video</option>
                <option value="DOCUMENT">Document</option>
              </select>
            </label>
            {d.header.format === "TEXT" && (
              <label>
                Header text
                <input
                  value={d.header.text}
                  maxLength={60}
                  required
                  onChange={(e) => setHeader({ text: e.target.value })}
                  placeholder="Order {{1}}"
                />
              </label>
            )}
            {headerVariable && (
              <label>
                {`Example for the header's {{${headerVariable}}}`}
                <input
                  value={d.header.example}
                  maxLength={60}
                  required
                  onChange={(e) => setHeader({ example: e.target.value })}
                />
              </label>
            )}
            {SAMPLE_TYPES[d.header.format] && (
              <>
                <label>
                  {`Sample ${d.header.format.toLowerCase()} (for the review)`}
                  <input
                    type="file"
                    accept={SAMPLE_TYPES[d.header.format]}
                    onChange={(e) => void chooseSample(e.target.files?.[0])}
                  />
                </label>
                <p className="muted" role="status">
                  {d.header.handle
                    ? `Sample: ${d.header.sample}`
                    : "No sample yet: the review needs one. Each message then carries its own file."}
                </p>
              </>
            )}
          </fieldset>
          <label>
            Body
            <textarea
              aria-label="Body"
              rows={4}
              maxLength={1024}
              value={d.body}
              onChange={(e) => set({ body: e.target.value })}
              required
            />
          </label>
          <button type="button" className="link" onClick={addVariable}>
            Add a variable
          </button>
          {names.map((n) => (
            <label key={n}>
              {`Example for {{${n}}}`}
              <input
                value={d.examples[n] ?? ""}
                onChange={(e) => set({ examples: { ...d.examples, [n]: e.target.value } })}
                required
              />
            </label>
          ))}
          <label>
            Footer (optional)
            <input value={d.footer} maxLength={60} onChange={(e) => set({ footer: e.target.value })} />
          </label>
          <fieldset>
            <legend>Buttons (optional)</legend>
            {d.buttons.map((b, i) => (
              <ButtonFields
                key={i}
                index={i}
                button={b}
                onChange={(p) => setButton(i, p)}
                onRemove={() => set({ buttons: d.buttons.filter((_, j) => j !== i) })}
              />
            ))}
            {addableButtons(d.buttons).length > 0 && (
              <select
                aria-label="Add a button"
                value=""
                onChange={(e) =>
                  e.target.value && set({ buttons: withButton(d.buttons, newButton(e.target.value as ButtonType)) })
                }
              >
                <option value="">Add a button…</option>
                {addableButtons(d.buttons).map((t) => (
                  <option key={t} value={t}>
                    {BUTTON_WORDS[t]}
                  </option>
                ))}
              </select>
            )}
          </fieldset>
        </>
      )}

      <div className="pbubble received preview-phone" aria-label="Preview">
        {preview.media && (
          <p className="muted">
            [{preview.media}
            {d.header.sample ? `: ${d.header.sample}` : ""}]
          </p>
        )}
        {preview.header && (
          <p>
            <strong>{preview.header}</strong>
          </p>
        )}
        <p>{preview.body}</p>
        {preview.footer && <small>{preview.footer}</small>}
        {preview.buttons.map((b, i) => (
          <button key={i} type="button" disabled>
            {b || "…"}
          </button>
        ))}
      </div>
      {problem && (
        <div className="error template-problem" role="alert">
          <strong>{problem.title}</strong>
          <p>{problem.message}</p>
        </div>
      )}
      <div className="inline">
        <button type="submit" disabled={busy}>
          {editing ? "Save changes" : "Submit for review"}
        </button>
        {editing && (
          <button type="button" onClick={onCancel}>
            Cancel
          </button>
        )}
      </div>
    </form>
  );
}

/** One button's fields, by its kind. */
function ButtonFields({
  index,
  button: b,
  onChange,
  onRemove,
}: {
  index: number;
  button: ButtonDraft;
  onChange: (p: Partial<ButtonDraft>) => void;
  onRemove: () => void;
}) {
  const n = index + 1;
  return (
    <div className="template-button" data-button={b.type}>
      <strong>{`${n}. ${BUTTON_WORDS[b.type]}`}</strong>
      {b.type !== "COPY_CODE" && (
        <label>
          {`Button ${n} text`}
          <input value={b.text} maxLength={25} required onChange={(e) => onChange({ text: e.target.value })} />
        </label>
      )}
      {b.type === "URL" && (
        <>
          <label>
            {`Button ${n} URL`}
            <input
              type="url"
              value={b.url}
              maxLength={2000}
              required
              onChange={(e) => onChange({ url: e.target.value })}
              placeholder="https://shop.example/track/{{1}}"
            />
          </label>
          <p className="muted">{"Put {{1}} at the end for a part that changes with each message."}</p>
          {urlHasVariable(b.url) && (
            <label>
              {`Button ${n} example for {{1}}`}
              <input value={b.example} required onChange={(e) => onChange({ example: e.target.value })} />
            </label>
          )}
        </>
      )}
      {b.type === "PHONE_NUMBER" && (
        <label>
          {`Button ${n} phone number`}
          <input
            type="tel"
            value={b.phone_number}
            maxLength={20}
            required
            onChange={(e) => onChange({ phone_number: e.target.value })}
            placeholder="+48 600 100 200"
          />
        </label>
      )}
      {b.type === "COPY_CODE" && (
        <label>
          {`Button ${n} example code`}
          <input
            value={b.example}
            maxLength={15}
            required
            onChange={(e) => onChange({ example: e.target.value })}
            placeholder="SUMMER25"
          />
        </label>
      )}
      <button type="button" className="link" onClick={onRemove} aria-label={`Remove button ${n}`}>
        Remove
      </button>
    </div>
  );
}
