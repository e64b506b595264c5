import type { Kysely, Selectable } from "kysely";
import type { Defaulted, Generated, Json, Millis, NullByDefault } from "./column-types";
import type { SuiteTables } from "./suite-tables";

// The platform's and the simulator's tables; the suite's are in suite-tables.ts.

export interface SettingsTable {
  key: string;
  value: string;
}

export interface BusinessesTable {
  id: string;
  name: string;
  created_at: Millis;
  messaging_tier: Defaulted<string>;
  /** Business verification (0/1): the scaling path's shortcut to the next tier. */
  verified: Defaulted<number>;
  /** When a scheduled review of the portfolio's messaging limit is due (null: none pending). */
  tier_review_at: NullByDefault<Millis>;
}

export interface WabasTable {
  id: string;
  business_id: string;
  name: string;
  currency: string;
  timezone_id: string;
  created_at: Millis;
  /** "CBP", "PMP" or "auto" (by date); null: the deployment's default. */
  pricing_model: NullByDefault<string>;
}

export interface AppsTable {
  id: string;
  business_id: string;
  name: string;
  secret: string;
  graph_version: string;
  /** App-level webhook subscription (POST /{app-id}/subscriptions). */
  callback_url: string | null;
  verify_token: string | null;
  fields: Json | null;
  created_at: Millis;
}

export interface AccessTokensTable {
  token: string;
  app_id: string;
  waba_id: string;
  kind: string;
  created_at: Millis;
}

export interface PhoneNumbersTable {
  id: string;
  waba_id: string;
  /** Digits only; presented with + and spaces by the Graph layer. */
  display_phone_number: string;
  verified_name: string;
  quality_rating: string;
  status: string;
  /** whatsapp_business_profile fields. */
  profile: Json;
  created_at: Millis;
  /** The number's own tier, used by the per-number model (before 7 October 2025). */
  messaging_tier: Defaulted<string>;
  tier_review_at: NullByDefault<Millis>;
  /** When the number turned RED under the per-number model (a week of it costs a tier). */
  flagged_at: NullByDefault<Millis>;
  /** "STANDARD" (80 mps) or "HIGH" (1,000 mps). */
  throughput_level: Defaulted<string>;
  /** During a throughput upgrade sends fail with 131057 until this time. */
  maintenance_until: NullByDefault<Millis>;
}

export interface SubscribedAppsTable {
  waba_id: string;
  app_id: string;
  override_callback_uri: string | null;
  verify_token: string | null;
  created_at: Millis;
}

export interface MessagesTable {
  id: string;
  phone_number_id: string;
  wa_id: string;
  direction: "in" | "out";
  type: string;
  content: Json;
  status: string;
  error_code: number | null;
  context_id: string | null;
  biz_opaque_callback_data: string | null;
  created_at: Millis;
  updated_at: Millis;
  /** Start of the customer service window the message was sent in (outbound), if one was open. */
  window_opened_at: NullByDefault<Millis>;
  /** "service" for free-form messages, the template's category (lowercase) for templates. */
  pricing_category: NullByDefault<string>;
  template_id: NullByDefault<string>;
  /** End of the free entry point window the message was sent in, if any. */
  free_entry_until: NullByDefault<Millis>;
  /** The conversation (conversation-based pricing) the message fell in. */
  conversation_id: NullByDefault<string>;
}

export interface CustomerWindowsTable {
  phone_number_id: string;
  wa_id: string;
  last_inbound_at: Millis;
  /** The user's last message that came from an ad or a page's button (a free entry point). */
  entry_point_at: NullByDefault<Millis>;
  /** End of the 72-hour free window opened by the business's reply to an entry point. */
  free_entry_until: NullByDefault<Millis>;
}

/** A conversation of the conversation-based pricing model: 24 h (72 h from an entry point), one charge. */
export interface ConversationsTable {
  id: string;
  phone_number_id: string;
  wa_id: string;
  category: string;
  opened_at: Millis;
  expires_at: Millis;
  billable: number;
  charged_at: NullByDefault<Millis>;
}

export interface MediaTable {
  id: string;
  waba_id: string;
  phone_number_id: string | null;
  mime_type: string;
  sha256: string;
  file_size: number;
  filename: string | null;
  blob_key: string;
  origin: string;
  created_at: Millis;
  expires_at: Millis;
}

export interface JobsTable {
  id: Generated<number>;
  queue: string;
  /** Ordering key: an ordered queue hands out one job per key at a time, oldest first. */
  key: string;
  kind: string;
  payload: Json;
  status: Defaulted<"ready" | "dead">;
  run_at: Millis;
  attempts: Defaulted<number>;
  claimed_until: Millis | null;
  last_error: string | null;
  created_at: Millis;
}

export interface SimUsersTable {
  wa_id: string;
  name: string;
  country: string;
  on_whatsapp: number;
  online: number;
  delivery_ms: number;
  read_ms: number;
  read_probability: number;
  created_at: Millis;
}

export interface SimChatTable {
  id: string;
  wa_id: string;
  phone_number_id: string;
  /** From the phone's point of view: "received" from the business, "sent" by the user. */
  direction: "received" | "sent";
  type: string;
  content: Json;
  at: Millis;
  ticks: string;
}

export interface TemplatesTable {
  id: string;
  waba_id: string;
  name: string;
  language: string;
  category: string;
  status: string;
  parameter_format: string;
  components: Json;
  quality_score: string;
  rejected_reason: string | null;
  message_send_ttl_seconds: number | null;
  /** Times of edits made while approved (≤1 per 24 h, ≤10 per 30 days). */
  edits: Json;
  was_approved: Defaulted<number>;
  /** The review rule that decided, and its explanation. */
  review_rule: NullByDefault<string>;
  review_note: NullByDefault<string>;
  pause_count: Defaulted<number>;
  paused_until: NullByDefault<Millis>;
  created_at: Millis;
  updated_at: Millis;
  deleted_at: Millis | null;
  /** When a reassessment of the template's quality is due (read rates change without signals). */
  quality_review_at: NullByDefault<Millis>;
}

export interface ConsentsTable {
  id: string;
  waba_id: string;
  wa_id: string;
  scope: "marketing" | "utility";
  status: "granted" | "revoked";
  /** Where it came from: keyword, api, import, widget, … */
  source: string;
  evidence: Json | null;
  at: Millis;
}

export interface BillingLedgerTable {
  message_id: string;
  waba_id: string;
  phone_number_id: string;
  wa_id: string;
  country: string;
  category: string;
  pricing_type: string;
  amount_micros: Millis;
  currency: string;
  at: Millis;
  pricing_model: Defaulted<string>;
  conversation_id: NullByDefault<string>;
}

export interface QualitySignalsTable {
  id: string;
  phone_number_id: string;
  wa_id: string;
  /** "block" or "report" (a block with a spam report). */
  kind: string;
  reason: string | null;
  at: Millis;
  /** The template of the last message the user got from the number, if any (template quality). */
  template_id: NullByDefault<string>;
}

/** A QR code / short link of a business number: wa.me/message/<code> opens a chat with this text. */
export interface MessageQrdlsTable {
  code: string;
  phone_number_id: string;
  prefilled_message: string;
  created_at: Millis;
}

export interface SimBlocksTable {
  wa_id: string;
  phone_number_id: string;
  at: Millis;
}

/** A phone-number row as read. */
export type PhoneNumberRow = Selectable<PhoneNumbersTable>;

/** A template row as read. */
export type Template = Selectable<TemplatesTable>;

export interface Database extends SuiteTables {
  settings: SettingsTable;
  businesses: BusinessesTable;
  wabas: WabasTable;
  apps: AppsTable;
  access_tokens: AccessTokensTable;
  phone_numbers: PhoneNumbersTable;
  subscribed_apps: SubscribedAppsTable;
  messages: MessagesTable;
  customer_windows: CustomerWindowsTable;
  conversations: ConversationsTable;
  media: MediaTable;
  jobs: JobsTable;
  sim_users: SimUsersTable;
  sim_chat: SimChatTable;
  templates: TemplatesTable;
  consents: ConsentsTable;
  billing_ledger: BillingLedgerTable;
  quality_signals: QualitySignalsTable;
  sim_blocks: SimBlocksTable;
  message_qrdls: MessageQrdlsTable;
}

export type Db = Kysely<Database>;
