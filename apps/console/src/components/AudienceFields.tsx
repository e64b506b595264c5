import { phonesOf, type CampaignDraft } from "../campaigns/campaign-draft";
import type { ContactVocabulary } from "../campaigns/contact-vocabulary";
import { FieldError, type FieldProblem } from "./FieldError";

type Segment = CampaignDraft["segment"];

/** Who gets it: contacts of a segment (tag, consent, attributes, recent activity, words), or a pasted list of numbers. */
export function AudienceFields({
  draft,
  vocabulary,
  problem,
  onChange,
}: {
  draft: CampaignDraft;
  vocabulary: ContactVocabulary;
  problem: FieldProblem | null;
  onChange: (d: Partial<CampaignDraft>) => void;
}) {
  const s = draft.segment;
  const seg = (x: Partial<Segment>) => onChange({ segment: { ...s, ...x } });
  const attr = (i: number, x: Partial<Segment["attributes"][number]>) =>
    seg({ attributes: s.attributes.map((a, j) => (j === i ? { ...a, ...x } : a)) });
  const count = phonesOf(draft.phones).length;
  return (
    <fieldset className="audience">
      <legend>Audience</legend>
      <div className="inline" role="radiogroup" aria-label="Audience">
        <label className="check">
          <input
            type="radio"
            name="audience"
            checked={draft.audience === "segment"}
            onChange={() => onChange({ audience: "segment" })}
          />
          Contacts in a segment
        </label>
        <label className="check">
          <input
            type="radio"
            name="audience"
            checked={draft.audience === "phones"}
            onChange={() => onChange({ audience: "phones" })}
          />
          A list of numbers
        </label>
      </div>
      {draft.audience === "segment" ? (
        <div className="segment-fields">
          <label>
            Tag
            <input
              list="campaign-tags"
              value={s.tag}
              onChange={(e) => seg({ tag: e.target.value })}
              placeholder="any tag"
            />
          </label>
          <label>
            Marketing consent
            <select value={s.consent} onChange={(e) => seg({ consent: e.target.value })}>
              <option value="">any</option>
              <option value="granted">granted</option>
              <option value="revoked">revoked</option>
              <option value="none">never asked</option>
            </select>
          </label>
          <label>
            Active in the last … days
            <input
              type="number"
              min={1}
              max={3650}
              value={s.active_days}
              onChange={(e) => seg({ active_days: e.target.value })}
              placeholder="any time"
            />
          </label>
          <label>
            Name or number contains
            <input value={s.q} onChange={(e) => seg({ q: e.target.value })} />
          </label>
          {s.attributes.map((a, i) => (
            <div className="inline attribute-row" key={i}>
              <input
                aria-label={`Attribute ${i + 1}`}
                list="campaign-attributes"
                value={a.key}
                onChange={(e) => attr(i, { key: e.target.value })}
                placeholder="attribute"
              />
              <span>is</span>
              <input
                aria-label={`Value of attribute ${i + 1}`}
                list={`campaign-attribute-values-${i}`}
                value={a.value}
                onChange={(e) => attr(i, { value: e.target.value })}
                placeholder="value"
              />
              <datalist id={`campaign-attribute-values-${i}`}>
                {(vocabulary.attributes[a.key] ?? []).map((v) => (
                  <option key={v} value={v} />
                ))}
              </datalist>
              <button
                type="button"
                aria-label={`Remove attribute ${i + 1}`}
                onClick={() => seg({ attributes: s.attributes.filter((_, j) => j !== i) })}
              >
                ×
              </button>
            </div>
          ))}
          <button
            type="button"
            className="link"
            onClick={() => seg({ attributes: [...s.attributes, { key: "", value: "" }] })}
          >
            + an attribute with a value
          </button>
          <datalist id="campaign-tags">
            {vocabulary.tags.map((t) => (
              <option key={t} value={t} />
            ))}
          </datalist>
          <datalist id="campaign-attributes">
            {Object.keys(vocabulary.attributes).map((k) => (
              <option key={k} value={k} />
            ))}
          </datalist>
        </div>
      ) : (
        <div className="segment-fields">
          <label>
            Numbers, one a line <span className="muted">({count.toLocaleString()})</span>
            <textarea
              rows={6}
              value={draft.phones}
              onChange={(e) => onChange({ phones: e.target.value })}
              placeholder={"+48 600 100 200\n+39 320 900 0001"}
            />
          </label>
          <label>
            Country of national numbers
            <input
              value={draft.default_country}
              onChange={(e) => onChange({ default_country: e.target.value.toUpperCase() })}
              placeholder="PL"
              maxLength={2}
              size={4}
            />
          </label>
        </div>
      )}
      <p className="muted">
        A marketing template goes only to contacts whose marketing consent is granted (not to those who withdrew it or
        stopped marketing in WhatsApp); utility and authentication templates go to everyone in the audience.
      </p>
      <FieldError problem={problem} at="audience" />
    </fieldset>
  );
}
