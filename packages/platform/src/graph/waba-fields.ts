import { GraphError } from "@openwaba/contracts";
import { parseFieldExpression, splitFields } from "../analytics/field-expression";
import {
  conversationAnalytics,
  messagingAnalytics,
  pricingAnalytics,
  templateAnalytics,
} from "../analytics/waba-analytics";
import type { Platform } from "../platform";

const ANALYTICS = {
  analytics: messagingAnalytics,
  pricing_analytics: pricingAnalytics,
  conversation_analytics: conversationAnalytics,
  template_analytics: templateAnalytics,
} as const;

/** GET /{waba-id}[?fields=…]: the WABA's own fields and the analytics field expressions (§9). */
export async function presentWaba(platform: Platform, id: string, fields?: string) {
  const w = await platform.db.selectFrom("wabas").selectAll().where("id", "=", id).executeTakeFirstOrThrow();
  const plain: Record<string, unknown> = {
    id: w.id,
    name: w.name,
    currency: w.currency,
    timezone_id: w.timezone_id,
    message_template_namespace: w.id.slice(-8),
  };
  if (!fields) return plain;
  const out: Record<string, unknown> = {};
  for (const f of splitFields(fields)) {
    const e = parseFieldExpression(f);
    if (e.name in ANALYTICS) out[e.name] = await ANALYTICS[e.name as keyof typeof ANALYTICS](platform.db, id, e);
    else if (e.name in plain) out[e.name] = plain[e.name];
    else
      throw new GraphError(100, undefined, {
        message: `(#100) Tried accessing nonexisting field (${e.name}) on node type (WhatsAppBusinessAccount)`,
      });
  }
  out.id = w.id;
  return out;
}
