import { z } from "zod";
import { campaignSpecSchema } from "./campaign-spec";
import { instant } from "./conversations";

// The campaigns API's answers (packages/suite/src/campaigns/campaigns.routes.ts): campaigns with
// their progress, their recipients, and the estimate before sending. The definition is the campaign
// spec schema (./campaign-spec).

export const campaignState = z.enum(["draft", "preparing", "scheduled", "running", "paused", "completed", "cancelled"]);
export type CampaignState = z.infer<typeof campaignState>;

export const recipientState = z.enum([
  "pending",
  "sending",
  "unconfirmed",
  "accepted",
  "sent",
  "delivered",
  "read",
  "failed",
  "cancelled",
]);
export type RecipientState = z.infer<typeof recipientState>;

/** Why a contact of the audience gets no message: consent, a number twice, or no number at all. */
export const exclusion = z.enum(["no_consent", "consent_revoked", "opted_out", "duplicate", "invalid_number"]);
export type Exclusion = z.infer<typeof exclusion>;
const excluded = z.record(exclusion, z.number().int());

/** POST /suite/api/campaigns/estimate (and a draft's): whom it reaches, what it costs, how long it takes. */
export const campaignEstimate = z.object({
  recipients: z.number().int(),
  excluded,
  category: z.string(),
  cost: z.object({
    currency: z.string(),
    total: z.number(),
    by_country: z.array(z.object({ country: z.string(), recipients: z.number().int(), total: z.number() })),
  }),
  pace: z.object({
    mps: z.number(),
    throughput_level: z.string(),
    messaging_limit: z.object({
      tier: z.string(),
      limit: z.number().nullable(),
      used_24h: z.number().int(),
      room: z.number().nullable(),
    }),
    outside_window: z.number().int(),
    seconds_at_full_pace: z.number(),
    limited_by: z.enum(["throughput", "messaging_limit"]),
    extra_days: z.number(),
    finishes_at: instant,
  }),
});
export type Estimate = z.infer<typeof campaignEstimate>;

const rate = z.number().nullable();

/** How a campaign that left its draft is doing. */
export const campaignProgress = z.object({
  recipients: z.number().int(),
  by_state: z.record(recipientState, z.number().int()),
  sent: z.number().int(),
  delivered: z.number().int(),
  read: z.number().int(),
  failed: z.number().int(),
  replied: z.number().int(),
  opted_out: z.number().int(),
  waiting: z.number().int(),
  rates: z.object({ delivered: rate, read: rate, replied: rate, failed: rate, opted_out: rate }),
  cost: z.object({ currency: z.string(), total: z.number() }),
  pace: z.object({ mps_last_10s: z.number(), eta: instant.nullable() }),
  /** Sending waits (the messaging limit's room is used up) until then. */
  held: z.object({ until: instant, reason: z.string().nullable() }).nullable(),
});
export type Progress = z.infer<typeof campaignProgress>;

/** A campaign (GET /suite/api/campaigns/:id, and each of GET /suite/api/campaigns). */
export const campaign = z.object({
  id: z.string(),
  name: z.string(),
  phone_number_id: z.string(),
  state: campaignState,
  category: z.string(),
  spec: campaignSpecSchema,
  /** Fixed when it was sent: who it reaches and who was left out. */
  totals: z.object({ recipients: z.number().int(), excluded }).nullable(),
  /** Why a paused campaign is paused. */
  note: z.string().nullable(),
  created_at: instant,
  updated_at: instant,
  started_at: instant.nullable(),
  completed_at: instant.nullable(),
  progress: campaignProgress.nullable(),
});
export type Campaign = z.infer<typeof campaign>;

/** GET /suite/api/campaigns. */
export const campaignList = z.object({ data: z.array(campaign) });

/** One recipient of a campaign and how far its message got. */
export const campaignRecipient = z.object({
  seq: z.number().int(),
  phone: z.string(),
  country: z.string(),
  state: recipientState,
  message_id: z.string().nullable(),
  error: z
    .object({
      code: z.union([z.number(), z.string()]).optional(),
      title: z.string().nullable().optional(),
      details: z.string().nullable().optional(),
      retry: z.string().optional(),
    })
    .nullable(),
  cost: z.number().nullable(),
  due_at: instant,
  sent_at: instant.nullable(),
  delivered_at: instant.nullable(),
  read_at: instant.nullable(),
  replied_at: instant.nullable(),
  opted_out_at: instant.nullable(),
});
export type Recipient = z.infer<typeof campaignRecipient>;

/** GET /suite/api/campaigns/:id/recipients. */
export const campaignRecipientList = z.object({ data: z.array(campaignRecipient) });
