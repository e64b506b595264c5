import { templateKey, variablesOf } from "../campaigns/campaign-draft";
import { bodyOf, type Template } from "../templates/template-text";
import { FieldError, type FieldProblem } from "./FieldError";

/**
 * An approved template, its body as written, and a parameter per variable: a text that may hold
 * the contact's fields and attributes ({{contact.name}}, {{attr.code|fallback}}), suggested as you type.
 */
export function TemplateParameters({
  templates,
  value,
  parameters,
  suggestions,
  problem,
  onTemplate,
  onParameters,
}: {
  templates: Template[];
  value: string;
  parameters: string[];
  suggestions: string[];
  problem: FieldProblem | null;
  onTemplate: (key: string, variables: number) => void;
  onParameters: (p: string[]) => void;
}) {
  const chosen = templates.find((t) => templateKey(t) === value);
  const names = variablesOf(chosen);
  const set = (i: number, text: string) => {
    const p = [...parameters];
    p[i] = text;
    onParameters(p);
  };
  return (
    <fieldset className="template-parameters">
      <legend>Message</legend>
      <label>
        Template
        <select
          aria-label="Template"
          value={value}
          onChange={(e) =>
            onTemplate(e.target.value, variablesOf(templates.find((t) => templateKey(t) === e.target.value)).length)
          }
          required
        >
          <option value="">Choose an approved template…</option>
          {value && !chosen && <option value={value}>{value} (not approved now)</option>}
          {templates.map((t) => (
            <option key={t.id} value={templateKey(t)}>
              {t.name} ({t.language}, {t.category.toLowerCase()})
            </option>
          ))}
        </select>
      </label>
      <FieldError problem={problem} at="template.name" />
      <FieldError problem={problem} at="template.language" />
      {chosen && (
        <blockquote className="template-body" aria-label="Template body">
          {bodyOf(chosen)}
        </blockquote>
      )}
      {names.map((n, i) => (
        <div key={n} className="parameter-row">
          <label>
            {`{{${n}}}`}
            <input
              list="campaign-variables"
              value={parameters[i] ?? ""}
              onChange={(e) => set(i, e.target.value)}
              placeholder={i === 0 ? "{{contact.name}}" : "a text, {{attr.name|fallback}}…"}
            />
          </label>
          <FieldError problem={problem} at={`template.parameters.${i}`} />
        </div>
      ))}
      {names.length > 0 && (
        <p className="muted">
          Write text, or the contact's own values: {"{{contact.name}}"}, {"{{attr.<name>}}"}; after a | goes what
          contacts without it get, as in {"{{attr.code|WELCOME}}"}.
        </p>
      )}
      {problem?.field === "template.parameters" && <FieldError problem={problem} at="template.parameters" />}
      <FieldError problem={problem} at="template.components" />
      <datalist id="campaign-variables">
        {suggestions.map((s) => (
          <option key={s} value={s} />
        ))}
      </datalist>
    </fieldset>
  );
}
