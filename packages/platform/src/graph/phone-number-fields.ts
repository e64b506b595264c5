import { displayNumber } from "@openwaba/contracts";
import { GraphError } from "@openwaba/contracts";
import type { Db } from "@openwaba/store";
import type { PhoneNumber } from "../directory";
import type { Platform } from "../platform";
import { limitScope, limitUsage } from "../limits/messaging-limit";
import { numberStatus } from "../rules/tier-upgrade";

// Fields of a WhatsAppBusinessPhoneNumber node (cloud-api-reference.md §9).
type Context = { portfolioTier: string; status: string };
const FIELDS: Record<string, (p: PhoneNumber, c: Context) => unknown> = {
  id: (p) => p.id,
  display_phone_number: (p) => displayNumber(p.display_phone_number),
  verified_name: (p) => p.verified_name,
  quality_rating: (p) => p.quality_rating,
  status: (_p, c) => c.status,
  code_verification_status: () => "VERIFIED",
  name_status: () => "APPROVED",
  platform_type: () => "CLOUD_API",
  throughput: (p) => ({ level: p.throughput_level }),
  whatsapp_business_manager_messaging_limit: (_p, c) => c.portfolioTier,
  messaging_limit_tier: (p) => p.messaging_tier,
  is_official_business_account: () => false,
  is_pin_enabled: () => false,
  account_mode: () => "LIVE",
  last_onboarded_time: (p) => new Date(p.created_at).toISOString().replace(/\.\d{3}Z$/, "+0000"),
};

export const DEFAULT_PHONE_FIELDS = [
  "verified_name",
  "code_verification_status",
  "display_phone_number",
  "quality_rating",
  "platform_type",
  "throughput",
  "id",
];
export const LIST_PHONE_FIELDS = [
  "verified_name",
  "code_verification_status",
  "display_phone_number",
  "quality_rating",
  "platform_type",
  "throughput",
  "last_onboarded_time",
  "id",
];

/** Parses ?fields=a,b; an unknown field is Graph's error 100 naming it and the node type. */
export function requestedFields(
  fields: unknown,
  defaults: string[],
  known: Record<string, unknown>,
  nodeType: string,
): string[] {
  if (typeof fields !== "string" || fields.trim() === "") return defaults;
  const list = fields
    .split(",")
    .map((f) => f.trim())
    .filter(Boolean);
  for (const f of list) {
    if (!(f in known))
      throw new GraphError(100, undefined, {
        message: `(#100) Tried accessing nonexisting field (${f}) on node type (${nodeType})`,
      });
  }
  return list.includes("id") ? list : [...list, "id"];
}

export function presentPhoneNumber(
  p: PhoneNumber,
  fields: unknown,
  c: Context,
  defaults = DEFAULT_PHONE_FIELDS,
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const f of requestedFields(fields, defaults, FIELDS, "WhatsAppBusinessPhoneNumber")) out[f] = FIELDS[f](p, c);
  return out;
}

/** What a number's fields show beyond its row: its portfolio's tier and its status now (FLAGGED, RESTRICTED…). */
export async function phoneContext(platform: Platform, db: Db, phone: PhoneNumber): Promise<Context> {
  const b = await db
    .selectFrom("wabas")
    .innerJoin("businesses", "businesses.id", "wabas.business_id")
    .select("businesses.messaging_tier")
    .where("wabas.id", "=", phone.waba_id)
    .executeTakeFirst();
  const scope = await limitScope(platform, db, phone);
  const usage = await limitUsage(db, scope, platform.clock.now());
  return {
    portfolioTier: b?.messaging_tier ?? "TIER_250",
    status: numberStatus({
      stored: phone.status,
      model: scope.model,
      quality: phone.quality_rating,
      limitReached: usage.reached,
    }),
  };
}
