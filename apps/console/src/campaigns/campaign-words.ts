import { CONSENT_STATE_WORDS } from "../contacts/consent-words";
import type {
  CampaignAudience,
  CampaignSchedule,
  Estimate,
  Exclusion,
  RecipientState,
} from "@openwaba/contracts/suite";

// A campaign in words: who was left out and why, money, rates, durations, the audience and the
// schedule as a person would say them.

export const EXCLUSION_WORDS: Record<Exclusion, string> = {
  // In the words the contacts show their consent with (marketing templates only).
  no_consent: `marketing consent ${CONSENT_STATE_WORDS.none}`,
  consent_revoked: `marketing consent ${CONSENT_STATE_WORDS.revoked}`,
  opted_out: `marketing consent ${CONSENT_STATE_WORDS.stopped}`,
  duplicate: "duplicate numbers",
  invalid_number: "not valid phone numbers",
};

export const RECIPIENT_WORDS: Record<RecipientState, string> = {
  pending: "waiting",
  sending: "sending",
  unconfirmed: "unconfirmed",
  accepted: "accepted",
  sent: "sent",
  delivered: "delivered",
  read: "read",
  failed: "failed",
  cancelled: "not sent (cancelled)",
};

export const money = (amount: number, currency: string) =>
  new Intl.NumberFormat(undefined, {
    style: "currency",
    currency,
    minimumFractionDigits: 2,
    maximumFractionDigits: 4,
  }).format(amount);

export const percent = (rate: number | null) => (rate === null ? "—" : `${Math.round(rate * 1000) / 10}%`);

export const when = (iso: string | null) => (iso ? new Date(iso).toLocaleString() : "—");

/** 0.4 → "under a second", 200 → "3 min 20 s", 7500 → "2 h 5 min". */
export function duration(seconds: number): string {
  if (seconds < 1) return "under a second";
  const s = Math.round(seconds);
  if (s < 60) return `${s} s`;
  if (s < 3600) return `${Math.floor(s / 60)} min${s % 60 ? ` ${s % 60} s` : ""}`;
  const m = Math.round(s / 60);
  return `${Math.floor(m / 60)} h${m % 60 ? ` ${m % 60} min` : ""}`;
}

const plural = (n: number, one: string, many = `${one}s`) => `${n.toLocaleString()} ${n === 1 ? one : many}`;
export const recipientsWord = (n: number) => plural(n, "recipient");

export function audienceWords(a: CampaignAudience): string {
  if ("phones" in a)
    return `${plural(a.phones.length, "listed number")}${a.default_country ? ` (national numbers as ${a.default_country})` : ""}`;
  const s = a.segment;
  const parts = [
    s.tag && `tagged “${s.tag}”`,
    s.consent &&
      `marketing consent ${{ granted: CONSENT_STATE_WORDS.granted, revoked: `${CONSENT_STATE_WORDS.revoked} or ${CONSENT_STATE_WORDS.stopped}`, none: CONSENT_STATE_WORDS.none }[s.consent]}`,
    ...Object.entries(s.attributes ?? {}).map(([k, v]) => `${k} = “${v}”`),
    s.active_since_days && `active in the last ${plural(s.active_since_days, "day")}`,
    s.q && `matching “${s.q}”`,
  ].filter(Boolean);
  return parts.length ? `Contacts ${parts.join(", ")}` : "All contacts";
}

export function scheduleWords(s: CampaignSchedule): string {
  if (s.type === "now") return "As soon as it is sent";
  if (s.type === "at") return `At ${when(s.at)}`;
  return `At ${s.time} on ${s.date} in each contact's time zone${s.fallback_timezone ? ` (${s.fallback_timezone} when unknown)` : ""}`;
}

/** How long sending takes and what decides it: the number's throughput, or its messaging limit. */
export function paceWords(p: Estimate["pace"], maxMps?: number): string[] {
  const l = p.messaging_limit;
  const limit =
    l.limit === null
      ? `The messaging limit (${l.tier}) does not restrict it.`
      : `${plural(p.outside_window, "recipient")} outside a customer service window count${p.outside_window === 1 ? "s" : ""} against the messaging limit (${l.tier}: ${l.limit.toLocaleString()} customers a day; ${l.used_24h.toLocaleString()} used in the last 24 hours, ${(l.room ?? 0).toLocaleString()} left).`;
  const why =
    maxMps !== undefined && maxMps <= p.mps
      ? "the pace you set"
      : `the number's ${p.throughput_level.toLowerCase()} throughput`;
  const speed = `At ${p.mps} messages a second (${why}) sending takes ${duration(p.seconds_at_full_pace)}.`;
  const decides =
    p.limited_by === "throughput"
      ? "The throughput decides when it ends."
      : `The messaging limit decides when it ends: the rest waits until customers stop counting, which adds ${plural(p.extra_days, "day")}.`;
  return [speed, limit, decides];
}

const regions = new Intl.DisplayNames(undefined, { type: "region" });
/** "PL" → "Poland" (the code itself when the browser does not know it). */
export const countryName = (code: string) => {
  try {
    return regions.of(code) ?? code;
  } catch {
    return code;
  }
};
