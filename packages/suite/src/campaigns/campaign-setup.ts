import type { Db } from "@openwaba/store";
import { PlatformCallError } from "../client/platform-client";
import { SuiteError } from "../errors";
import type { Suite } from "../suite";
import { DAY_MS, levelMps, tierLimit } from "./capacity";
import type { CampaignSpec } from "@openwaba/contracts/suite";

// What a campaign needs to know before it sends, asked of the Cloud API: the template (approved,
// its category, its variables) and the number (throughput level, messaging limit).

export interface TemplateFacts {
  name: string;
  language: string;
  category: string;
  bodyVariables: number;
}
export interface NumberFacts {
  phoneNumberId: string;
  connectionId: string;
  wabaId: string;
  throughputLevel: string;
  mps: number;
  tier: string;
  limit: number;
}

const refused = (err: unknown): never => {
  if (err instanceof PlatformCallError)
    throw new SuiteError(502, "platform_refused", err.message, { graph: err.graph });
  throw err;
};

/** The approved template the campaign names, with its category; a 400 naming the field otherwise. */
export async function approvedTemplate(
  suite: Suite,
  spec: CampaignSpec,
  n: { connection_id: string; waba_id: string },
): Promise<TemplateFacts> {
  const client = await suite.client(n.connection_id);
  const all = await client.listTemplates(n.waba_id).catch(refused);
  const t = all.find((x) => x.name === spec.template.name && x.language === spec.template.language);
  if (!t)
    throw new SuiteError(
      400,
      "invalid_request",
      `template: there is no template ${spec.template.name} in ${spec.template.language}.`,
      { field: "template.name" },
    );
  if (t.status !== "APPROVED")
    throw new SuiteError(
      400,
      "template_not_approved",
      `template: ${t.name} (${t.language}) is ${t.status}; only approved templates can be sent.`,
      { field: "template.name" },
    );
  const body = (t.components ?? []).find((c: any) => c.type === "BODY")?.text ?? "";
  const bodyVariables = new Set([...String(body).matchAll(/\{\{\s*([A-Za-z0-9_]+)\s*\}\}/g)].map((m) => m[1])).size;
  if (!spec.template.components && (spec.template.parameters?.length ?? 0) !== bodyVariables) {
    throw new SuiteError(
      400,
      "invalid_request",
      `template.parameters: ${t.name} has ${bodyVariables} body variable${bodyVariables === 1 ? "" : "s"}; give as many parameters (e.g. "{{contact.name}}").`,
      { field: "template.parameters" },
    );
  }
  return {
    name: t.name,
    language: t.language,
    category: String(t.category ?? "MARKETING").toUpperCase(),
    bodyVariables,
  };
}

/** The number's throughput and messaging limit (a deployment's own campaign pace overrides the level's). */
export async function numberFacts(
  suite: Suite,
  n: { id: string; connection_id: string; waba_id: string },
): Promise<NumberFacts> {
  const p = await (await suite.client(n.connection_id)).phoneNumber(n.id).catch(refused);
  const level = p.throughput?.level ?? "STANDARD";
  const tier = p.whatsapp_business_manager_messaging_limit ?? p.messaging_limit_tier ?? "TIER_250";
  return {
    phoneNumberId: n.id,
    connectionId: n.connection_id,
    wabaId: n.waba_id,
    throughputLevel: level,
    mps: levelMps(level, suite.campaignMps),
    tier,
    limit: tierLimit(tier),
  };
}

/**
 * Customers the tenant's campaigns reached outside a window in the last 24 hours (what the suite
 * knows of the messaging limit's use), and when the oldest of them stops counting.
 */
export async function limitUse(
  db: Db,
  tenantId: string,
  now: number,
): Promise<{ used: number; frees_at: number | null }> {
  const r = await db
    .selectFrom("suite_campaign_recipients")
    .select((e) => [e.fn.count<number>("wa_id").distinct().as("n"), e.fn.min<number>("sent_at").as("oldest")])
    .where("tenant_id", "=", tenantId)
    .where("outside_window", "=", 1)
    .where("sent_at", ">=", now - DAY_MS)
    .executeTakeFirst();
  return { used: Number(r?.n ?? 0), frees_at: r?.oldest == null ? null : Number(r.oldest) + DAY_MS };
}
