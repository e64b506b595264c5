import { bodyOf, placeholders, type Template } from "../templates/template-text";
import type { CampaignSpec } from "@openwaba/contracts/suite";

// The new-campaign form's fields as typed, the definition they make for the API, and back (to
// edit a saved draft). Empty fields are left out rather than sent empty.

export interface CampaignDraft {
  name: string;
  phone_number_id: string;
  /** The chosen template as "name/language"; "" while none is chosen. */
  template: string;
  parameters: string[];
  audience: "segment" | "phones";
  segment: {
    tag: string;
    consent: string;
    attributes: { key: string; value: string }[];
    active_days: string;
    q: string;
  };
  phones: string;
  default_country: string;
  schedule: "now" | "at" | "local_time";
  /** A datetime-local value, in the browser's zone. */
  at: string;
  date: string;
  time: string;
  fallback_timezone: string;
  max_mps: string;
}

export const EMPTY_DRAFT: CampaignDraft = {
  name: "",
  phone_number_id: "",
  template: "",
  parameters: [],
  audience: "segment",
  segment: { tag: "", consent: "", attributes: [], active_days: "", q: "" },
  phones: "",
  default_country: "",
  schedule: "now",
  at: "",
  date: "",
  time: "10:00",
  fallback_timezone: "",
  max_mps: "",
};

export const templateKey = (t: { name: string; language: string }) => `${t.name}/${t.language}`;

/** The template's variables, as many parameter rows as the form shows. */
export const variablesOf = (t: Template | undefined) => placeholders(bodyOf(t));

export const phonesOf = (text: string) =>
  text
    .split(/[\n,;]+/)
    .map((p) => p.trim())
    .filter(Boolean);

const isoOf = (local: string) => {
  const t = Date.parse(local);
  return Number.isNaN(t) ? local : new Date(t).toISOString();
};
const localOf = (iso: string) => {
  const d = new Date(iso);
  return new Date(d.getTime() - d.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
};

/**
 * The chosen template ("name/language") with its parameters as the suite takes it (campaigns and
 * new conversations alike): named variables ({{first_name}}) go as components with their names,
 * numbered ones as a list.
 */
export function templateSpecOf(key: string, typed: string[], t: Template | undefined): CampaignSpec["template"] {
  const [name, language] = key.split("/");
  const names = variablesOf(t);
  const parameters = t ? typed.slice(0, names.length) : typed;
  return t?.parameter_format === "NAMED" && names.length
    ? {
        name,
        language,
        components: [
          {
            type: "body",
            parameters: names.map((n, i) => ({ type: "text", text: parameters[i] ?? "", parameter_name: n })),
          },
        ],
      }
    : { name, language, ...(parameters.length ? { parameters } : {}) };
}

export function specOf(d: CampaignDraft, t: Template | undefined): CampaignSpec {
  const template = templateSpecOf(d.template, d.parameters, t);
  const s = d.segment;
  const attributes = Object.fromEntries(s.attributes.filter((a) => a.key.trim()).map((a) => [a.key.trim(), a.value]));
  const audience =
    d.audience === "phones"
      ? { phones: phonesOf(d.phones), ...(d.default_country ? { default_country: d.default_country } : {}) }
      : {
          segment: {
            ...(s.tag.trim() ? { tag: s.tag.trim() } : {}),
            ...(s.consent ? { consent: s.consent as "granted" | "revoked" | "none" } : {}),
            ...(Object.keys(attributes).length ? { attributes } : {}),
            ...(s.active_days ? { active_since_days: Number(s.active_days) } : {}),
            ...(s.q.trim() ? { q: s.q.trim() } : {}),
          },
        };
  const schedule =
    d.schedule === "at"
      ? { type: "at" as const, at: isoOf(d.at) }
      : d.schedule === "local_time"
        ? {
            type: "local_time" as const,
            date: d.date,
            time: d.time,
            ...(d.fallback_timezone ? { fallback_timezone: d.fallback_timezone } : {}),
          }
        : { type: "now" as const };
  return {
    name: d.name,
    ...(d.phone_number_id ? { phone_number_id: d.phone_number_id } : {}),
    template,
    audience,
    schedule,
    ...(d.max_mps ? { max_mps: Number(d.max_mps) } : {}),
  };
}

/** A definition's parameter texts, whether listed or given as the body component's (named) parameters. */
export function parametersOf(t: CampaignSpec["template"]): string[] {
  const body = t.components?.find((c) => c.type.toLowerCase() === "body") as
    | { parameters?: { text?: string }[] }
    | undefined;
  return t.parameters ?? body?.parameters?.map((p) => p.text ?? "") ?? [];
}

export function draftOf(spec: CampaignSpec): CampaignDraft {
  const a = spec.audience,
    s = spec.schedule;
  const seg = "segment" in a ? a.segment : {};
  return {
    ...EMPTY_DRAFT,
    name: spec.name,
    phone_number_id: spec.phone_number_id ?? "",
    template: templateKey(spec.template),
    parameters: parametersOf(spec.template),
    audience: "phones" in a ? "phones" : "segment",
    segment: {
      tag: seg.tag ?? "",
      consent: seg.consent ?? "",
      attributes: Object.entries(seg.attributes ?? {}).map(([key, value]) => ({ key, value })),
      active_days: seg.active_since_days ? String(seg.active_since_days) : "",
      q: seg.q ?? "",
    },
    phones: "phones" in a ? a.phones.join("\n") : "",
    default_country: "phones" in a ? (a.default_country ?? "") : "",
    schedule: s.type,
    at: s.type === "at" ? localOf(s.at) : "",
    date: s.type === "local_time" ? s.date : "",
    time: s.type === "local_time" ? s.time : EMPTY_DRAFT.time,
    fallback_timezone: s.type === "local_time" ? (s.fallback_timezone ?? "") : "",
    max_mps: spec.max_mps ? String(spec.max_mps) : "",
  };
}
