// The campaigns API as the console reads it. The definition's types come from the suite's own
// schema (type-only: nothing of the server is bundled); the answers are written out here.

import type { CampaignAudience, CampaignSchedule, CampaignSpec } from "@openwaba/suite/campaign-spec";

export type { CampaignAudience, CampaignSchedule, CampaignSpec };
export type Segment = Extract<CampaignAudience, { segment: unknown }>["segment"];

export type CampaignState = "draft" | "preparing" | "scheduled" | "running" | "paused" | "completed" | "cancelled";
/** States in which a campaign moves by itself: its page follows it every second. */
export const LIVE_STATES: CampaignState[] = ["preparing", "scheduled", "running"];

export type RecipientState =
  | "pending"
  | "sending"
  | "unconfirmed"
  | "accepted"
  | "sent"
  | "delivered"
  | "read"
  | "failed"
  | "cancelled";
export const RECIPIENT_STATES: RecipientState[] = [
  "pending",
  "sending",
  "unconfirmed",
  "accepted",
  "sent",
  "delivered",
  "read",
  "failed",
  "cancelled",
];

// What the server's estimate answers (the suite's own type, imported for its shape only).
import type { Exclusion } from "@openwaba/suite/campaign-estimate";
export type { Estimate, Exclusion } from "@openwaba/suite/campaign-estimate";

type Rates = Record<"delivered" | "read" | "replied" | "failed" | "opted_out", number | null>;

export interface Progress {
  recipients: number;
  by_state: Record<RecipientState, number>;
  sent: number;
  delivered: number;
  read: number;
  failed: number;
  replied: number;
  opted_out: number;
  waiting: number;
  rates: Rates;
  cost: { currency: string; total: number };
  pace: { mps_last_10s: number; eta: string | null };
  /** Sending waits (the messaging limit's room is used up) until then. */
  held: { until: string; reason: string | null } | null;
}

export interface Campaign {
  id: string;
  name: string;
  phone_number_id: string;
  state: CampaignState;
  category: string;
  spec: CampaignSpec;
  /** Fixed when it was sent: who it reaches and who was left out. */
  totals: { recipients: number; excluded: Record<Exclusion, number> } | null;
  /** Why a paused campaign is paused. */
  note: string | null;
  created_at: string;
  updated_at: string;
  started_at: string | null;
  completed_at: string | null;
  progress: Progress | null;
}

export interface Recipient {
  seq: number;
  phone: string;
  country: string;
  state: RecipientState;
  message_id: string | null;
  error: { code?: number | string; title?: string | null; details?: string | null; retry?: string } | null;
  cost: number | null;
  due_at: string;
  sent_at: string | null;
  delivered_at: string | null;
  read_at: string | null;
  replied_at: string | null;
  opted_out_at: string | null;
}
