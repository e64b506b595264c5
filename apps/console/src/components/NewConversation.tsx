import { useEffect, useState, type FormEvent } from "react";
import type { Conversation } from "@openwaba/contracts/suite";
import { api } from "../api";
import { templateKey, templateSpecOf, variablesOf } from "../campaigns/campaign-draft";
import { useContactVocabulary, variableSuggestions } from "../campaigns/contact-vocabulary";
import { numberWords, type PhoneNumber } from "../numbers/use-phone-numbers";
import { approvedTemplates, type Template } from "../templates/template-text";
import { FieldError, isAt, problemOf, type FieldProblem } from "./FieldError";
import { MessagePreview } from "./MessagePreview";
import { TemplateParameters } from "./TemplateParameters";

interface ContactHit {
  id: string;
  wa_id: string;
  name: string;
}

/** What a person types as a number, without spaces and dashes; 00 becomes +. */
const compact = (typed: string) => typed.replace(/[\s().-]/g, "").replace(/^00/, "+");
/** E.164: +, a country code and the number, 8 to 15 digits in all (the suite checks it for real). */
export const isE164 = (typed: string) => /^\+[1-9]\d{7,14}$/.test(compact(typed));

/**
 * The business writes first: a customer's number (typed, or a contact picked by name), the
 * business number it goes from, and an approved template with its parameters (the contact's own
 * values may fill them, as in campaigns). Sent, the conversation opens.
 */
export function NewConversation({
  to: initialTo,
  numbers,
  onStarted,
  onCancel,
}: {
  to: string;
  numbers: PhoneNumber[];
  onStarted: (c: Conversation) => void;
  onCancel: () => void;
}) {
  const [to, setTo] = useState(initialTo ? `+${initialTo.replace(/^\+/, "")}` : "");
  const [from, setFrom] = useState("");
  const [templates, setTemplates] = useState<Template[]>([]);
  const [template, setTemplate] = useState("");
  const [parameters, setParameters] = useState<string[]>([]);
  const [hits, setHits] = useState<ContactHit[]>([]);
  const [problem, setProblem] = useState<FieldProblem | null>(null);
  const [busy, setBusy] = useState(false);
  const vocabulary = useContactVocabulary();

  useEffect(() => {
    void approvedTemplates()
      .then(setTemplates)
      .catch((e) => setProblem(problemOf(e)));
  }, []);
  useEffect(() => {
    if (!from && numbers[0]) setFrom(numbers[0].id);
  }, [numbers]);
  // Contacts to pick as the number is typed (by name or digits).
  useEffect(() => {
    const q = /\d/.test(to) ? compact(to).replace(/^\+/, "") : to.trim();
    if (q.length < 2) {
      setHits([]);
      return;
    }
    const t = setTimeout(
      () =>
        void api<{ data: ContactHit[] }>("GET", `/suite/api/contacts?limit=8&q=${encodeURIComponent(q)}`)
          .then((r) => setHits(r.data))
          .catch(() => setHits([])),
      200,
    );
    return () => clearTimeout(t);
  }, [to]);

  const chosen = templates.find((t) => templateKey(t) === template);
  const send = async (e: FormEvent) => {
    e.preventDefault();
    if (!isE164(to)) {
      setProblem({
        field: "to",
        message: "Write the number in E.164: + and the country code, then the number (+48600100200).",
      });
      return;
    }
    const blank = parameters.slice(0, variablesOf(chosen).length).findIndex((p) => !p?.trim());
    if (blank >= 0) {
      setProblem({ field: `template.parameters.${blank}`, message: "Fill in every parameter." });
      return;
    }
    setBusy(true);
    setProblem(null);
    try {
      const r = await api<{ conversation: Conversation }>("POST", "/suite/api/conversations", {
        to: compact(to),
        phone_number_id: from,
        template: templateSpecOf(template, parameters, chosen),
      });
      onStarted(r.conversation);
    } catch (err) {
      setProblem(problemOf(err));
    } finally {
      setBusy(false);
    }
  };
  const elsewhere = problem && !["to", "phone_number_id", "template"].some((p) => isAt(problem, p)) ? problem : null;

  return (
    <section className="thread new-conversation" aria-label="New conversation">
      <header className="thread-head">
        <h2>New conversation</h2>
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
      </header>
      <div className="new-conversation-body">
        <form onSubmit={send} aria-label="Start a conversation">
          <p className="muted">
            The business writes first with an approved template (outside the 24-hour customer service window nothing
            else may be sent); the customer's reply opens the window for free-form messages.
          </p>
          <fieldset>
            <legend>To</legend>
            <label>
              Customer's number
              <input
                list="new-conversation-contacts"
                value={to}
                onChange={(e) => {
                  setTo(e.target.value);
                  if (isAt(problem, "to")) setProblem(null);
                }}
                placeholder="+48600100200, or a contact's name"
                required
                autoFocus
              />
            </label>
            <datalist id="new-conversation-contacts">
              {hits.map((c) => (
                <option key={c.id} value={`+${c.wa_id}`}>
                  {c.name}
                </option>
              ))}
            </datalist>
            <FieldError problem={problem} at="to" />
            <label>
              From the number
              <select value={from} onChange={(e) => setFrom(e.target.value)} required>
                {numbers.map((n) => (
                  <option key={n.id} value={n.id}>
                    {numberWords(n)}
                  </option>
                ))}
              </select>
            </label>
            <FieldError problem={problem} at="phone_number_id" />
          </fieldset>
          <TemplateParameters
            templates={templates}
            value={template}
            parameters={parameters}
            suggestions={variableSuggestions(vocabulary)}
            problem={problem}
            onTemplate={(key, variables) => {
              setTemplate(key);
              setParameters(Array.from({ length: variables }, (_, i) => parameters[i] ?? ""));
            }}
            onParameters={setParameters}
          />
          {elsewhere && (
            <p className="error" role="alert">
              {elsewhere.message}
            </p>
          )}
          <div className="actions">
            <button type="submit" disabled={busy || !template}>
              Send and open
            </button>
          </div>
        </form>
        {isE164(to) && (
          <MessagePreview template={chosen} parameters={parameters} audience={{ phones: [compact(to)] }} />
        )}
      </div>
    </section>
  );
}
