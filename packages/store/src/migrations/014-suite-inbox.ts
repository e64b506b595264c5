import type { Kysely } from "kysely";
import { millisColumn, type Dialect } from "../dialect";

export const name = "014-suite-inbox";

// The business suite's team inbox (issue #4): tenants and their connection to a Cloud API (ours
// or Meta's), people (users, sessions, teams), conversations with their timeline, routing rules,
// canned responses, and the realtime event stream consoles catch up from. Suite tables never
// reference platform tables: the suite knows the platform only through the Cloud API.
export async function up(db: Kysely<any>, dialect: Dialect): Promise<void> {
  const ms = millisColumn(dialect);
  await db.schema
    .createTable("suite_tenants")
    .ifNotExists()
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("settings", "text", (c) => c.notNull())
    .addColumn("created_at", ms, (c) => c.notNull())
    .execute();
  await db.schema
    .createTable("suite_connections")
    .ifNotExists()
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("tenant_id", "text", (c) => c.notNull())
    .addColumn("waba_id", "text", (c) => c.notNull())
    .addColumn("graph_url", "text", (c) => c.notNull())
    .addColumn("graph_version", "text", (c) => c.notNull())
    .addColumn("access_token", "text", (c) => c.notNull())
    .addColumn("app_secret", "text", (c) => c.notNull())
    .addColumn("verify_token", "text", (c) => c.notNull())
    .addColumn("created_at", ms, (c) => c.notNull())
    .execute();
  await db.schema
    .createTable("suite_numbers")
    .ifNotExists()
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("tenant_id", "text", (c) => c.notNull())
    .addColumn("connection_id", "text", (c) => c.notNull())
    .addColumn("display_phone_number", "text", (c) => c.notNull())
    .addColumn("verified_name", "text", (c) => c.notNull())
    .execute();
  await db.schema
    .createTable("suite_users")
    .ifNotExists()
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("tenant_id", "text", (c) => c.notNull())
    .addColumn("email", "text", (c) => c.notNull().unique())
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("role", "text", (c) => c.notNull())
    .addColumn("password_hash", "text")
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("availability", "text", (c) => c.notNull())
    .addColumn("capacity", "integer", (c) => c.notNull())
    .addColumn("failed_logins", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("locked_until", ms)
    .addColumn("invite_token_hash", "text")
    .addColumn("invite_expires_at", ms)
    .addColumn("last_assigned_at", ms)
    .addColumn("created_at", ms, (c) => c.notNull())
    .execute();
  await db.schema
    .createTable("suite_sessions")
    .ifNotExists()
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("user_id", "text", (c) => c.notNull())
    .addColumn("csrf_token", "text", (c) => c.notNull())
    .addColumn("created_at", ms, (c) => c.notNull())
    .addColumn("expires_at", ms, (c) => c.notNull())
    .execute();
  await db.schema
    .createTable("suite_login_failures")
    .ifNotExists()
    .addColumn("key", "text", (c) => c.notNull())
    .addColumn("at", ms, (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex("suite_login_failures_by_key")
    .ifNotExists()
    .on("suite_login_failures")
    .columns(["key", "at"])
    .execute();
  await db.schema
    .createTable("suite_teams")
    .ifNotExists()
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("tenant_id", "text", (c) => c.notNull())
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("assignment", "text", (c) => c.notNull())
    .addColumn("created_at", ms, (c) => c.notNull())
    .execute();
  await db.schema
    .createTable("suite_team_members")
    .ifNotExists()
    .addColumn("team_id", "text", (c) => c.notNull())
    .addColumn("user_id", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("suite_team_members_pk", ["team_id", "user_id"])
    .execute();
  await db.schema
    .createTable("suite_routing_rules")
    .ifNotExists()
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("tenant_id", "text", (c) => c.notNull())
    .addColumn("position", "integer", (c) => c.notNull())
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("conditions", "text", (c) => c.notNull())
    .addColumn("team_id", "text", (c) => c.notNull())
    .addColumn("created_at", ms, (c) => c.notNull())
    .execute();
  await db.schema
    .createTable("suite_canned_responses")
    .ifNotExists()
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("tenant_id", "text", (c) => c.notNull())
    .addColumn("shortcut", "text", (c) => c.notNull())
    .addColumn("title", "text", (c) => c.notNull())
    .addColumn("body", "text", (c) => c.notNull())
    .addColumn("created_at", ms, (c) => c.notNull())
    .execute();
  await db.schema
    .createTable("suite_conversations")
    .ifNotExists()
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("tenant_id", "text", (c) => c.notNull())
    .addColumn("phone_number_id", "text", (c) => c.notNull())
    .addColumn("wa_id", "text", (c) => c.notNull())
    .addColumn("contact_name", "text", (c) => c.notNull())
    .addColumn("state", "text", (c) => c.notNull())
    .addColumn("assignee_id", "text")
    .addColumn("team_id", "text")
    .addColumn("priority", "text", (c) => c.notNull())
    .addColumn("labels", "text", (c) => c.notNull())
    .addColumn("last_message_at", ms, (c) => c.notNull())
    .addColumn("last_inbound_at", ms)
    .addColumn("cycle_opened_at", ms, (c) => c.notNull())
    .addColumn("first_response_at", ms)
    .addColumn("snoozed_until", ms)
    .addColumn("resolved_at", ms)
    .addColumn("sending_until", ms)
    .addColumn("created_at", ms, (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex("suite_conversations_by_user")
    .ifNotExists()
    .unique()
    .on("suite_conversations")
    .columns(["phone_number_id", "wa_id"])
    .execute();
  await db.schema
    .createIndex("suite_conversations_by_tenant")
    .ifNotExists()
    .on("suite_conversations")
    .columns(["tenant_id", "state", "last_message_at"])
    .execute();
  await db.schema
    .createTable("suite_messages")
    .ifNotExists()
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("conversation_id", "text", (c) => c.notNull())
    .addColumn("direction", "text", (c) => c.notNull())
    .addColumn("type", "text", (c) => c.notNull())
    .addColumn("content", "text", (c) => c.notNull())
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("error", "text")
    .addColumn("author_id", "text")
    .addColumn("context_id", "text")
    .addColumn("at", ms, (c) => c.notNull())
    .addColumn("updated_at", ms, (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex("suite_messages_by_conversation")
    .ifNotExists()
    .on("suite_messages")
    .columns(["conversation_id", "at"])
    .execute();
  // Ticks that arrive before the suite has stored the message they are about (the send's answer and
  // its first webhooks race): kept until the message is stored.
  await db.schema
    .createTable("suite_early_statuses")
    .ifNotExists()
    .addColumn("message_id", "text", (c) => c.notNull())
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("error", "text")
    .addColumn("at", ms, (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex("suite_early_statuses_by_message")
    .ifNotExists()
    .on("suite_early_statuses")
    .columns(["message_id"])
    .execute();
  await db.schema
    .createTable("suite_conversation_events")
    .ifNotExists()
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("conversation_id", "text", (c) => c.notNull())
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("actor_id", "text")
    .addColumn("data", "text", (c) => c.notNull())
    .addColumn("at", ms, (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex("suite_conversation_events_by_conversation")
    .ifNotExists()
    .on("suite_conversation_events")
    .columns(["conversation_id", "at"])
    .execute();
  await db.schema
    .createTable("suite_cycles")
    .ifNotExists()
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("conversation_id", "text", (c) => c.notNull())
    .addColumn("tenant_id", "text", (c) => c.notNull())
    .addColumn("team_id", "text")
    .addColumn("agent_id", "text")
    .addColumn("opened_at", ms, (c) => c.notNull())
    .addColumn("first_response_at", ms)
    .addColumn("resolved_at", ms, (c) => c.notNull())
    .addColumn("csat", "integer")
    .execute();
  await db.schema
    .createIndex("suite_cycles_by_tenant")
    .ifNotExists()
    .on("suite_cycles")
    .columns(["tenant_id", "resolved_at"])
    .execute();
  // The realtime stream: a sequence a reconnecting console resumes from (Last-Event-ID).
  let events = db.schema.createTable("suite_events").ifNotExists();
  events =
    dialect === "postgres"
      ? events.addColumn("seq", "bigserial", (c) => c.primaryKey())
      : events.addColumn("seq", "integer", (c) => c.primaryKey().autoIncrement());
  await events
    .addColumn("tenant_id", "text", (c) => c.notNull())
    .addColumn("team_id", "text")
    .addColumn("conversation_id", "text")
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("payload", "text", (c) => c.notNull())
    .addColumn("at", ms, (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex("suite_events_by_tenant")
    .ifNotExists()
    .on("suite_events")
    .columns(["tenant_id", "seq"])
    .execute();
}
