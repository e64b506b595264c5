import { countryOf, priceMessage } from "@openwaba/contracts";
import type { Suite } from "../suite";
import { audiencePages } from "./audience";
import { planDuration } from "./capacity";
import type { NumberFacts, TemplateFacts } from "./campaign-setup";
import { limitUse } from "./campaign-setup";
import type { CampaignSpec, Estimate, Exclusion } from "@openwaba/contracts/suite";

// Before sending: how many it reaches (after consent, opt-outs and duplicates), what it costs by
// country under the rate card (delivered templates are charged; a utility template inside an open
// window is free), and how long it takes under the number's throughput and messaging limit. The answer's
// shape is the contracts' campaignEstimate.

export async function estimateCampaign(
  suite: Suite,
  tenantId: string,
  spec: CampaignSpec,
  template: TemplateFacts,
  number: NumberFacts,
): Promise<Estimate> {
  const now = suite.clock.now();
  const excluded: Record<Exclusion, number> = {
    no_consent: 0,
    consent_revoked: 0,
    opted_out: 0,
    duplicate: 0,
    invalid_number: 0,
  };
  const byCountry = new Map<string, { recipients: number; micros: number }>();
  let recipients = 0,
    outsideWindow = 0;
  const category = template.category.toLowerCase();
  for await (const page of audiencePages(suite.db, {
    tenantId,
    phoneNumberId: number.phoneNumberId,
    audience: spec.audience,
    category: template.category,
    now,
  })) {
    for (const c of page) {
      if (c.excluded) {
        excluded[c.excluded]++;
        continue;
      }
      recipients++;
      if (!c.windowOpen) outsideWindow++;
      const free = c.windowOpen && category === "utility";
      const price =
        suite.rateCard && !free
          ? priceMessage(suite.rateCard, c.waId, category)
          : { country: countryOf(c.waId).country, amountMicros: 0 };
      const row = byCountry.get(price.country) ?? { recipients: 0, micros: 0 };
      row.recipients++;
      row.micros += price.amountMicros;
      byCountry.set(price.country, row);
    }
  }
  const mps = Math.min(number.mps, spec.max_mps ?? Infinity);
  const use = await limitUse(suite.db, tenantId, now);
  const room = number.limit === Infinity ? Infinity : Math.max(0, number.limit - use.used);
  const start = spec.schedule.type === "at" ? Math.max(now, Date.parse(spec.schedule.at)) : now;
  const plan = planDuration({ count: recipients, outsideWindow, mps, limit: number.limit, room, startAt: start });
  const money = (micros: number) => Math.round(micros) / 1e6;
  const total = [...byCountry.values()].reduce((n, r) => n + r.micros, 0);
  return {
    recipients,
    excluded,
    category: template.category,
    cost: {
      currency: suite.rateCard?.currency ?? "USD",
      total: money(total),
      by_country: [...byCountry]
        .map(([country, r]) => ({ country, recipients: r.recipients, total: money(r.micros) }))
        .sort((a, b) => b.total - a.total || b.recipients - a.recipients),
    },
    pace: {
      mps,
      throughput_level: number.throughputLevel,
      messaging_limit: {
        tier: number.tier,
        limit: number.limit === Infinity ? null : number.limit,
        used_24h: use.used,
        room: room === Infinity ? null : room,
      },
      outside_window: outsideWindow,
      seconds_at_full_pace: Math.round(plan.seconds_at_full_pace * 10) / 10,
      limited_by: plan.limited_by,
      extra_days: plan.extra_days,
      finishes_at: new Date(plan.finishes_at).toISOString(),
    },
  };
}
