import { useEffect, useState } from "react";
import { exampleContacts, parametersFor, type ExampleContact } from "../campaigns/campaign-preview";
import type { CampaignAudience } from "@openwaba/contracts/suite";
import { bodyOf, componentOf, fillVariables, placeholders, type Template } from "../templates/template-text";

/** The message as one contact of the audience will see it; another example on request. */
export function MessagePreview({
  template,
  parameters,
  audience,
}: {
  template: Template | undefined;
  parameters: string[];
  audience: CampaignAudience;
}) {
  const [examples, setExamples] = useState<ExampleContact[]>([]);
  const [shown, setShown] = useState(0);
  const key = JSON.stringify(audience);
  const marketing = template?.category === "MARKETING";
  useEffect(() => {
    // Typing in the audience waits a moment before looking contacts up.
    const t = setTimeout(
      () =>
        void exampleContacts(audience, marketing)
          .then((x) => {
            setExamples(x);
            setShown(0);
          })
          .catch(() => setExamples([])),
      400,
    );
    return () => clearTimeout(t);
  }, [key, marketing]);
  if (!template) return null;

  const contact = examples[shown];
  const body = bodyOf(template);
  const names = placeholders(body);
  const values = contact ? parametersFor(contact, parameters) : parameters;
  const header = componentOf(template, "HEADER");
  const footer = componentOf(template, "FOOTER")?.text;
  const buttons = componentOf(template, "BUTTONS")?.buttons ?? [];
  return (
    <section className="campaign-preview" aria-label="Message preview">
      <h2>Preview</h2>
      <p className="muted">
        {contact ? (
          <>
            As <strong>{contact.name}</strong> (+{contact.wa_id}) will see it
          </>
        ) : (
          "No contact of this audience to show: the parameters as written"
        )}
        {examples.length > 1 && (
          <>
            {" "}
            ·{" "}
            <button type="button" className="link" onClick={() => setShown((shown + 1) % examples.length)}>
              another example
            </button>
          </>
        )}
      </p>
      <div className="pbubble received preview-phone" aria-label="Preview">
        {header?.format === "TEXT" && header.text && (
          <p>
            <strong>{header.text}</strong>
          </p>
        )}
        <p>{fillVariables(body, Object.fromEntries(names.map((n, i) => [n, values[i] ?? ""])))}</p>
        {footer && <small>{footer}</small>}
        {buttons.map((b) => (
          <button key={b.text} type="button" disabled>
            {b.text}
          </button>
        ))}
      </div>
    </section>
  );
}
