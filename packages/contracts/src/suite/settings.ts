import { z } from "zod";
import { isTimeZone } from "./time-zone";

// The tenant's settings as the suite API answers them (packages/suite/src/tenant, routing, outbound, faq).

const hhmm = z.string().describe("HH:MM");

/** When the business answers: opening intervals per weekday (mon … sun) in a time zone; null for none. */
export const businessHours = z
  .object({
    timezone: z.string().describe("An IANA time zone"),
    days: z.record(
      z.string(),
      z
        .array(z.tuple([hhmm, hhmm]))
        .max(6)
        .describe("Opening intervals of a weekday (mon … sun)"),
    ),
  })
  .nullable();
export type BusinessHours = NonNullable<z.infer<typeof businessHours>>;

/** Where the business's systems hear of contacts and conversations; null for nowhere. */
export const businessWebhook = z
  .object({ url: z.string(), secret: z.string().describe("Signs each POST; shown to admins only").optional() })
  .nullable();
export type BusinessWebhook = z.infer<typeof businessWebhook>;

export const faqBot = z.object({ enabled: z.boolean(), threshold: z.number() });
export type FaqBot = z.infer<typeof faqBot>;

/** The tenant's settings as stored (business hours, webhook, bots…); a part not set yet is absent. */
export const storedSettings = z.looseObject({
  business_hours: businessHours.optional(),
  business_webhook: businessWebhook.optional(),
  faq_bot: faqBot.optional(),
  auto_messages: z.unknown().describe("The greeting and away messages").optional(),
});
export type StoredSettings = z.infer<typeof storedSettings>;

/** GET /suite/api/settings: the stored settings and the tenant's name. */
export const tenantSettings = storedSettings.extend({ name: z.string().describe("The tenant's name") });
export type TenantSettings = z.infer<typeof tenantSettings>;

export const WEEKDAYS = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"] as const;
export type Weekday = (typeof WEEKDAYS)[number];
const isWeekday = (d: string): d is Weekday => (WEEKDAYS as readonly string[]).includes(d);

// What the settings' routes take (packages/suite/src/routing/routing.routes.ts,
// packages/suite/src/outbound/business-webhook.routes.ts).

const routingConditions = z.strictObject({
  phone_number_ids: z.array(z.string().min(1)).max(50).optional(),
  keywords: z.array(z.string().trim().min(1).max(60)).max(100).optional(),
  labels: z.array(z.string().trim().min(1).max(40)).max(50).optional(),
  languages: z
    .array(z.string().regex(/^[a-z]{2}$/))
    .max(50)
    .optional(),
  business_hours: z.enum(["inside", "outside"]).optional(),
});

/** PUT /suite/api/routing-rules: the ordered list, replacing the one before. */
export const routingRulesRequest = z.strictObject({
  rules: z
    .array(
      z.strictObject({
        name: z.string().trim().min(1).max(80),
        team_id: z.string().min(1),
        conditions: routingConditions,
      }),
    )
    .max(100),
});
export type RoutingRulesRequest = z.infer<typeof routingRulesRequest>;

/** PUT /suite/api/settings/business-webhook: where to POST, or null for nowhere. */
export const businessWebhookRequest = z.strictObject({
  url: z
    .url()
    .refine((u) => /^https?:\/\//.test(u), "use http or https")
    .nullable(),
});
export type BusinessWebhookRequest = z.infer<typeof businessWebhookRequest>;

const hoursAndMinutes = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, "use HH:MM");

/** PUT /suite/api/settings/business-hours: opening intervals per weekday in a time zone, or null for none. */
export const businessHoursRequest = z.strictObject({
  business_hours: z
    .strictObject({
      timezone: z.string().refine(isTimeZone, "unknown time zone"),
      days: z.record(
        z.string().refine(isWeekday, "use mon … sun"),
        z
          .array(
            z
              .tuple([hoursAndMinutes, hoursAndMinutes])
              .refine(([a, b]) => a < b, "an interval must end after it starts"),
          )
          .max(6),
      ),
    })
    .nullable(),
});
export type BusinessHoursRequest = z.infer<typeof businessHoursRequest>;
