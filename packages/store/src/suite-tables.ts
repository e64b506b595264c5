import type { Defaulted, Generated, Json, Millis, NullByDefault } from "./column-types";

// The business suite's tables (migrations 014 on). The suite knows the platform only through the
// Cloud API: none of them refers to a platform table.

// The values of the suite's few closed columns, declared here with their tables so that the suite
// and the store share one definition (the store imports nothing of the suite's).

/** A person's role in their tenant: what they may see and do. */
export type UserRole = "admin" | "supervisor" | "agent";
/** Whether a person takes conversations now (only online agents are assigned automatically). */
export type Availability = "online" | "away" | "offline";
/** A contact's marketing consent; null on the contact: never asked. */
export type MarketingConsent = "granted" | "revoked";
/** How a flow run ended. */
export type FlowRunEnd = "completed" | "handed_over" | "stopped" | "expired" | "failed";
/** Where a flow run is: going on, or ended. */
export type FlowRunState = "active" | FlowRunEnd;
/** A conversation's state (the moves between them: suite/src/inbox/conversation-state.ts). */
export type ConversationState = "open" | "pending" | "snoozed" | "resolved";
export type ConversationPriority = "low" | "normal" | "high" | "urgent";

export interface SuiteTenantsTable {
  id: string;
  name: string;
  settings: Json;
  created_at: Millis;
}

/** Where a tenant's Cloud API is (ours or Meta's), the token the suite sends with, and the app secret webhooks are signed with. */
export interface SuiteConnectionsTable {
  id: string;
  tenant_id: string;
  waba_id: string;
  graph_url: string;
  graph_version: string;
  access_token: string;
  app_secret: string;
  verify_token: string;
  created_at: Millis;
}

export interface SuiteNumbersTable {
  id: string;
  tenant_id: string;
  connection_id: string;
  display_phone_number: string;
  verified_name: string;
  /** The Cloud API's order of the WABA's numbers: the first is every feature's default. */
  position: Defaulted<number>;
}

export interface SuiteUsersTable {
  id: string;
  tenant_id: string;
  email: string;
  name: string;
  role: UserRole;
  password_hash: string | null;
  /** active | invited | disabled */
  status: string;
  availability: Availability;
  /** Open conversations an agent takes at most (automatic assignment). */
  capacity: number;
  failed_logins: Defaulted<number>;
  locked_until: NullByDefault<Millis>;
  invite_token_hash: NullByDefault<string>;
  invite_expires_at: NullByDefault<Millis>;
  last_assigned_at: NullByDefault<Millis>;
  created_at: Millis;
}

export interface SuiteSessionsTable {
  id: string;
  user_id: string;
  csrf_token: string;
  created_at: Millis;
  expires_at: Millis;
}
export interface SuiteLoginFailuresTable {
  key: string;
  at: Millis;
}
export interface SuiteTeamsTable {
  id: string;
  tenant_id: string;
  name: string;
  assignment: string;
  created_at: Millis;
}
export interface SuiteTeamMembersTable {
  team_id: string;
  user_id: string;
}
export interface SuiteRoutingRulesTable {
  id: string;
  tenant_id: string;
  position: number;
  name: string;
  conditions: Json;
  team_id: string;
  created_at: Millis;
}
export interface SuiteCannedResponsesTable {
  id: string;
  tenant_id: string;
  shortcut: string;
  title: string;
  body: string;
  created_at: Millis;
}

export interface SuiteConversationsTable {
  id: string;
  tenant_id: string;
  phone_number_id: string;
  wa_id: string;
  contact_name: string;
  state: ConversationState;
  assignee_id: NullByDefault<string>;
  team_id: NullByDefault<string>;
  priority: ConversationPriority;
  labels: Json;
  last_message_at: Millis;
  /** The customer's last message: the customer service window runs 24 h from it. */
  last_inbound_at: NullByDefault<Millis>;
  /** Start of the current open cycle (a new customer message after resolving starts another). */
  cycle_opened_at: Millis;
  first_response_at: NullByDefault<Millis>;
  snoozed_until: NullByDefault<Millis>;
  resolved_at: NullByDefault<Millis>;
  /** A console send is under way until then: ticks for unknown messages are kept, not dropped. */
  sending_until: NullByDefault<Millis>;
  created_at: Millis;
  /** The flow run that holds the conversation (a bot is talking; not routed to people meanwhile). */
  bot_run_id: NullByDefault<string>;
}

export interface SuiteMessagesTable {
  /** The wamid, or a note's own id. */
  id: string;
  conversation_id: string;
  /** in | out | note */
  direction: string;
  type: string;
  content: Json;
  /** received | accepted | sent | delivered | read | failed | note */
  status: string;
  /** A failure: {code, title, details}. */
  error: NullByDefault<Json>;
  author_id: NullByDefault<string>;
  context_id: NullByDefault<string>;
  at: Millis;
  updated_at: Millis;
}

export interface SuiteEarlyStatusesTable {
  message_id: string;
  status: string;
  error: string | null;
  at: Millis;
}

export interface SuiteConversationEventsTable {
  id: string;
  conversation_id: string;
  kind: string;
  actor_id: string | null;
  data: Json;
  at: Millis;
}

/** When a person last read a conversation: its unread count is theirs (migration 027). */
export interface SuiteConversationReadsTable {
  conversation_id: string;
  user_id: string;
  read_at: Millis;
}

export interface SuiteCyclesTable {
  id: string;
  conversation_id: string;
  tenant_id: string;
  team_id: string | null;
  agent_id: string | null;
  opened_at: Millis;
  first_response_at: Millis | null;
  resolved_at: Millis;
  csat: NullByDefault<number>;
}

export interface SuiteEventsTable {
  seq: Generated<number>;
  tenant_id: string;
  team_id: string | null;
  conversation_id: string | null;
  kind: string;
  payload: Json;
  at: Millis;
}

/** Something an admin should know: a number's or template's quality or status changed. */
export interface SuiteAlertsTable {
  id: string;
  tenant_id: string;
  kind: string;
  severity: string;
  title: string;
  data: Json;
  at: Millis;
  read_at: NullByDefault<Millis>;
}

/** A number whose STOP in WhatsApp outlived its contact: a contact made again for it is stopped. */
export interface SuiteWhatsappStopsTable {
  tenant_id: string;
  wa_id: string;
  at: Millis;
}

/** A customer the business knows (issue #5): E.164 digits, custom attributes and tags (JSON), consent. */
export interface SuiteContactsTable {
  id: string;
  tenant_id: string;
  wa_id: string;
  name: string;
  language: NullByDefault<string>;
  timezone: NullByDefault<string>;
  attributes: Json;
  tags: Json;
  /** "granted" | "revoked" | null (never asked); the one consent (suite/contacts/consent.ts), the customer's STOP in WhatsApp included. */
  marketing_consent: NullByDefault<MarketingConsent>;
  consent_source: NullByDefault<string>;
  consent_at: NullByDefault<Millis>;
  last_activity_at: NullByDefault<Millis>;
  created_at: Millis;
  updated_at: Millis;
}

/** An FAQ entry; `alternatives`: a JSON array of other ways to ask its question. */
export interface SuiteFaqTable {
  id: string;
  tenant_id: string;
  question: string;
  alternatives: Defaulted<Json>;
  answer: string;
  language: NullByDefault<string>;
  created_at: Millis;
}
export interface SuiteFaqMissesTable {
  id: string;
  tenant_id: string;
  conversation_id: string;
  question: string;
  confidence: number | null;
  at: Millis;
}

/** A QR code / wa.me link the suite made; `opt_in` (0/1): sending its message grants marketing consent; `source`: qr | widget. */
export interface SuiteEntryPointsTable {
  code: string;
  tenant_id: string;
  phone_number_id: string;
  prefilled_message: string;
  opt_in: number;
  source: Defaulted<string>;
  created_at: Millis;
}

/** A tenant's website chat widget: its public id, look and texts (`config` JSON) and the entry points it links to. */
export interface SuiteWidgetsTable {
  tenant_id: string;
  public_id: string;
  phone_number_id: string;
  config: Json;
  plain_code: string;
  opt_in_code: string | null;
  version: number;
  updated_at: Millis;
}

/** An automation flow: its live (published) and latest versions; the trigger type is copied out for matching. */
export interface SuiteFlowsTable {
  id: string;
  tenant_id: string;
  name: string;
  enabled: number;
  live_version: NullByDefault<number>;
  latest_version: number;
  trigger_type: NullByDefault<string>;
  /** Schedule triggers: when the schedule fires next. */
  next_fire_at: NullByDefault<Millis>;
  created_at: Millis;
  updated_at: Millis;
}
export interface SuiteFlowVersionsTable {
  flow_id: string;
  version: number;
  document: Json;
  created_by: string | null;
  created_at: Millis;
}

/** A flow run: where it is (node), what it waits for, its variables; one active run per conversation. */
export interface SuiteFlowRunsTable {
  id: string;
  tenant_id: string;
  flow_id: string;
  flow_version: number;
  conversation_id: string;
  wa_id: string;
  state: FlowRunState;
  node: string;
  /** null while running; "reply" or "timer" while waiting. */
  waiting: NullByDefault<string>;
  /** Each wait has its own token: a timer for an earlier wait finds another token and does nothing. */
  wait_token: NullByDefault<string>;
  wait_until: NullByDefault<Millis>;
  attempts: number;
  steps: number;
  vars: Json;
  trigger: Json;
  started_at: Millis;
  updated_at: Millis;
  ended_at: NullByDefault<Millis>;
  end_reason: NullByDefault<string>;
}
/** A run's trace: each node entered, each decision, each message and call. */
export interface SuiteFlowStepsTable {
  seq: Generated<number>;
  run_id: string;
  node: string | null;
  kind: string;
  detail: Json;
  at: Millis;
}

/** An API key of the business's own systems: acts as the user who made it; only its hash is kept. */
export interface SuiteApiKeysTable {
  id: string;
  tenant_id: string;
  user_id: string;
  name: string;
  key_hash: string;
  prefix: string;
  created_at: Millis;
  last_used_at: NullByDefault<Millis>;
  revoked_at: NullByDefault<Millis>;
}

/** A broadcast campaign: its definition (template, parameters, audience, schedule, pace) as JSON, its state and pacing lease. */
export interface SuiteCampaignsTable {
  id: string;
  tenant_id: string;
  name: string;
  phone_number_id: string;
  spec: Json;
  /** draft | scheduled | running | paused | completed | cancelled */
  state: string;
  /** The template's category (MARKETING, UTILITY, AUTHENTICATION). */
  category: NullByDefault<string>;
  /** What the audience came to when sent: recipients and those left out, by reason. */
  totals: NullByDefault<Json>;
  /** Nothing is sent before then (the messaging limit is used up); and why. */
  hold_until: NullByDefault<Millis>;
  hold_reason: NullByDefault<string>;
  /** Why it is paused: a person, or something only a person can fix (the template, the account). */
  pause_reason: NullByDefault<string>;
  lease_owner: NullByDefault<string>;
  lease_until: NullByDefault<Millis>;
  created_by: string | null;
  created_at: Millis;
  updated_at: Millis;
  started_at: NullByDefault<Millis>;
  completed_at: NullByDefault<Millis>;
}

/** One recipient of a campaign (one per number): when due, where it got to, what it cost. */
export interface SuiteCampaignRecipientsTable {
  campaign_id: string;
  seq: number;
  tenant_id: string;
  wa_id: string;
  country: string;
  /** The template's components filled for this contact. */
  components: NullByDefault<Json>;
  due_at: Millis;
  /** pending | sending | unconfirmed | accepted | sent | delivered | read | failed | cancelled */
  state: string;
  attempts: number;
  /** 1 when sent outside a customer service window (it counts against the messaging limit). */
  outside_window: number;
  message_id: NullByDefault<string>;
  error: NullByDefault<Json>;
  cost_micros: NullByDefault<number>;
  sent_at: NullByDefault<Millis>;
  delivered_at: NullByDefault<Millis>;
  read_at: NullByDefault<Millis>;
  replied_at: NullByDefault<Millis>;
  opted_out_at: NullByDefault<Millis>;
  updated_at: Millis;
}

export interface SuiteTables {
  suite_campaigns: SuiteCampaignsTable;
  suite_campaign_recipients: SuiteCampaignRecipientsTable;
  suite_flows: SuiteFlowsTable;
  suite_flow_versions: SuiteFlowVersionsTable;
  suite_flow_runs: SuiteFlowRunsTable;
  suite_flow_steps: SuiteFlowStepsTable;
  suite_api_keys: SuiteApiKeysTable;
  suite_entry_points: SuiteEntryPointsTable;
  suite_widgets: SuiteWidgetsTable;
  suite_faq: SuiteFaqTable;
  suite_faq_misses: SuiteFaqMissesTable;
  suite_contacts: SuiteContactsTable;
  suite_whatsapp_stops: SuiteWhatsappStopsTable;
  suite_alerts: SuiteAlertsTable;
  suite_tenants: SuiteTenantsTable;
  suite_connections: SuiteConnectionsTable;
  suite_numbers: SuiteNumbersTable;
  suite_users: SuiteUsersTable;
  suite_sessions: SuiteSessionsTable;
  suite_login_failures: SuiteLoginFailuresTable;
  suite_teams: SuiteTeamsTable;
  suite_team_members: SuiteTeamMembersTable;
  suite_routing_rules: SuiteRoutingRulesTable;
  suite_canned_responses: SuiteCannedResponsesTable;
  suite_conversations: SuiteConversationsTable;
  suite_messages: SuiteMessagesTable;
  suite_early_statuses: SuiteEarlyStatusesTable;
  suite_conversation_events: SuiteConversationEventsTable;
  suite_conversation_reads: SuiteConversationReadsTable;
  suite_cycles: SuiteCyclesTable;
  suite_events: SuiteEventsTable;
}
