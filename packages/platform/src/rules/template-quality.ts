import { negativeScore, type QualityRating } from "./phone-quality";

// Template quality (cloud-api-reference.md §4): GREEN / YELLOW / RED from what recipients do —
// blocks, spam reports and STOP replies after receiving it, and its read rate, weighed like the number's quality (7 days,
// recency-weighted) but against the template's own sends; UNKNOWN until it has been sent to
// enough users. A RED template is paused 3 hours the first time, 6 the second, and disabled the
// third. Thresholds are OpenWABA's (Meta publishes none).

export type TemplateQuality = QualityRating | "UNKNOWN";
export const TEMPLATE_QUALITY = { minSends: 20, yellowAt: 0.05, redAt: 0.1, lowReadRate: 0.2 };
export const PAUSE_HOURS = [3, 6];

/**
 * `reach`: of the sends that reached a phone, how many were read. Few reads alone make a template
 * YELLOW at worst (a warning, never a pause); blocks, reports and STOP replies decide RED.
 */
export function templateQuality(
  signals: { kind: string; at: number }[],
  sends: number,
  now: number,
  reach?: { delivered: number; read: number },
  c = TEMPLATE_QUALITY,
): TemplateQuality {
  if (sends < c.minSends) return "UNKNOWN";
  const rate = negativeScore(signals, now) / sends;
  if (rate >= c.redAt) return "RED";
  if (rate >= c.yellowAt) return "YELLOW";
  const unread = reach !== undefined && reach.delivered >= c.minSends && reach.read / reach.delivered < c.lowReadRate;
  return unread ? "YELLOW" : "GREEN";
}

/** What a RED rating does to an approved template that has been paused `pauses` times before. */
export function onRed(
  pauses: number,
):
  | { status: "PAUSED"; hours: number; title: "FIRST_PAUSE" | "SECOND_PAUSE" }
  | { status: "DISABLED"; title: "DISABLED" } {
  if (pauses < PAUSE_HOURS.length)
    return { status: "PAUSED", hours: PAUSE_HOURS[pauses], title: pauses === 0 ? "FIRST_PAUSE" : "SECOND_PAUSE" };
  return { status: "DISABLED", title: "DISABLED" };
}
