import { useEffect, useMemo, useRef, useState, type FormEvent } from "react";
import { api } from "../api";
import { go } from "../route";
import { EMPTY_DRAFT, draftOf, specOf, templateKey, type CampaignDraft } from "../campaigns/campaign-draft";
import type { Campaign, Estimate } from "@openwaba/contracts/suite";
import { when } from "../campaigns/campaign-words";
import { useContactVocabulary, variableSuggestions } from "../campaigns/contact-vocabulary";
import { numberWords, usePhoneNumbers } from "../numbers/use-phone-numbers";
import { approvedTemplates, type Template } from "../templates/template-text";
import { AudienceFields } from "../components/AudienceFields";
import { EstimatePanel } from "../components/EstimatePanel";
import { FieldError, isAt, problemOf, type FieldProblem } from "../components/FieldError";
import { MessagePreview } from "../components/MessagePreview";
import { ScheduleFields } from "../components/ScheduleFields";
import { SendConfirmation } from "../components/SendConfirmation";
import { TemplateParameters } from "../components/TemplateParameters";

// Where the form shows a 400's field; anything else goes above the buttons.
const PLACES = ["name", "phone_number_id", "template", "audience", "schedule", "max_mps"];
const ESTIMATE_DELAY_MS = 700;

/** A new campaign (#/campaigns/new) or a draft's (#/campaigns/<id>/edit): define, preview, estimate, save or send. */
export function CampaignForm({ id }: { id: string | null }) {
  const [draft, setDraft] = useState<CampaignDraft>(EMPTY_DRAFT);
  const [templates, setTemplates] = useState<Template[]>([]);
  const numbers = usePhoneNumbers();
  const [problem, setProblem] = useState<FieldProblem | null>(null);
  const [estimate, setEstimate] = useState<Estimate | null>(null);
  const [estimating, setEstimating] = useState(false);
  const [confirm, setConfirm] = useState<Estimate | null>(null);
  const [savedAt, setSavedAt] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const vocabulary = useContactVocabulary();
  const asked = useRef(0);

  useEffect(() => {
    void approvedTemplates().then(setTemplates);
    if (id)
      void api<Campaign>("GET", `/suite/api/campaigns/${id}`).then((c) => {
        if (c.state !== "draft") go(`campaigns/${c.id}`);
        else {
          setDraft(draftOf(c.spec));
          setSavedAt(c.updated_at);
        }
      });
  }, [id]);

  // The first number unless one is chosen (or the draft names one).
  useEffect(() => {
    if (numbers[0]) setDraft((d) => (d.phone_number_id ? d : { ...d, phone_number_id: numbers[0].id }));
  }, [numbers]);

  const template = templates.find((t) => templateKey(t) === draft.template);
  const spec = useMemo(() => specOf(draft, template), [draft, template]);
  const change = (d: Partial<CampaignDraft>) => setDraft((x) => ({ ...x, ...d }));

  // The estimate follows the definition as it is typed (the name does not change it).
  const runEstimate = async () => {
    const n = ++asked.current;
    setEstimating(true);
    try {
      const e = await api<Estimate>("POST", "/suite/api/campaigns/estimate", {
        ...spec,
        name: spec.name.trim() || "Untitled",
      });
      if (n === asked.current) {
        setEstimate(e);
        setProblem(null);
      }
    } catch (err) {
      if (n === asked.current) {
        setEstimate(null);
        setProblem(problemOf(err));
      }
    } finally {
      if (n === asked.current) setEstimating(false);
    }
  };
  const ready = !!draft.template && ("phones" in spec.audience ? spec.audience.phones.length > 0 : true);
  const estimateKey = JSON.stringify({ ...spec, name: "" });
  useEffect(() => {
    if (!ready) return;
    const t = setTimeout(() => void runEstimate(), ESTIMATE_DELAY_MS);
    return () => clearTimeout(t);
  }, [estimateKey, ready]);

  /** Saves the definition as a draft: a new one, or the draft being edited. */
  const save = async (): Promise<Campaign> => {
    const c = await api<Campaign>(
      id ? "PUT" : "POST",
      id ? `/suite/api/campaigns/${id}` : "/suite/api/campaigns",
      spec,
    );
    setSavedAt(c.updated_at);
    return c;
  };
  const attempt = async (f: () => Promise<void>) => {
    setBusy(true);
    setProblem(null);
    try {
      await f();
    } catch (err) {
      setConfirm(null);
      setProblem(problemOf(err));
    } finally {
      setBusy(false);
    }
  };
  // A new draft gets its own address (#/campaigns/<id>/edit), where it opens as saved.
  const saveDraft = (e: FormEvent) => {
    e.preventDefault();
    void attempt(async () => {
      const c = await save();
      if (!id) go(`campaigns/${c.id}/edit`);
    });
  };
  // Send: confirmed with a fresh estimate, then saved as defined and sent.
  const askToSend = () =>
    void attempt(async () => setConfirm(await api<Estimate>("POST", "/suite/api/campaigns/estimate", spec)));
  const send = () =>
    void attempt(async () => {
      const c = await save();
      await api("POST", `/suite/api/campaigns/${c.id}/send`);
      go(`campaigns/${c.id}`);
    });

  const elsewhere = problem && !PLACES.some((p) => isAt(problem, p)) ? problem : null;
  return (
    <div className="page campaign-form">
      <p>
        <a href="#/campaigns">← All campaigns</a>
      </p>
      <h1>{id ? "Edit the draft" : "New campaign"}</h1>
      <div className="campaign-columns">
        <form onSubmit={saveDraft} aria-label="Campaign">
          <fieldset>
            <legend>Campaign</legend>
            <label>
              Name
              <input
                value={draft.name}
                onChange={(e) => change({ name: e.target.value })}
                required
                maxLength={120}
                placeholder="Winter sale"
              />
            </label>
            <FieldError problem={problem} at="name" />
            <label>
              From the number
              <select value={draft.phone_number_id} onChange={(e) => change({ phone_number_id: e.target.value })}>
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
            value={draft.template}
            parameters={draft.parameters}
            suggestions={variableSuggestions(vocabulary)}
            problem={problem}
            onTemplate={(key, variables) =>
              change({
                template: key,
                parameters: Array.from({ length: variables }, (_, i) => draft.parameters[i] ?? ""),
              })
            }
            onParameters={(parameters) => change({ parameters })}
          />
          <AudienceFields draft={draft} vocabulary={vocabulary} problem={problem} onChange={change} />
          <ScheduleFields draft={draft} problem={problem} onChange={change} />
          <fieldset>
            <legend>Pace</legend>
            <label>
              At most … messages a second <span className="muted">(empty: as fast as the number may)</span>
              <input
                type="number"
                step="any"
                value={draft.max_mps}
                onChange={(e) => change({ max_mps: e.target.value })}
                placeholder="80"
              />
            </label>
            <FieldError problem={problem} at="max_mps" />
          </fieldset>
          {elsewhere && (
            <p className="error" role="alert">
              {elsewhere.message}
            </p>
          )}
          {savedAt && (
            <p role="status" className="muted">
              Draft saved {when(savedAt)}.
            </p>
          )}
          <div className="actions">
            <button type="submit" disabled={busy}>
              Save as draft
            </button>
            <button type="button" onClick={askToSend} disabled={busy || !ready}>
              Send…
            </button>
          </div>
        </form>
        <aside className="campaign-side" aria-label="Preview and estimate">
          <MessagePreview template={template} parameters={draft.parameters} audience={spec.audience} />
          <EstimatePanel
            estimate={estimate}
            busy={estimating}
            maxMps={spec.max_mps}
            localTime={draft.schedule === "local_time"}
            onEstimate={() => void runEstimate()}
          />
        </aside>
      </div>
      {confirm && (
        <SendConfirmation
          name={spec.name}
          estimate={confirm}
          schedule={spec.schedule}
          busy={busy}
          onConfirm={send}
          onClose={() => setConfirm(null)}
        />
      )}
    </div>
  );
}
