import { sql, type Kysely } from "kysely";
import { millisColumn, type Dialect } from "../dialect";

export const name = "022-suite-flows";

// Automation flows (issue #5 items 1–2): versioned flow documents, their runs (one active run per
// conversation, its position and variables persisted so a restart resumes it) with a trace of
// each step; API keys for the business's own systems (events that start flows, the CLI).
export async function up(db: Kysely<any>, dialect: Dialect): Promise<void> {
  const ms = millisColumn(dialect);
  await db.schema
    .createTable("suite_flows")
    .ifNotExists()
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("tenant_id", "text", (c) => c.notNull())
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("enabled", "integer", (c) => c.notNull())
    .addColumn("live_version", "integer")
    .addColumn("latest_version", "integer", (c) => c.notNull())
    .addColumn("trigger_type", "text")
    .addColumn("next_fire_at", ms)
    .addColumn("created_at", ms, (c) => c.notNull())
    .addColumn("updated_at", ms, (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex("suite_flows_by_tenant")
    .ifNotExists()
    .on("suite_flows")
    .columns(["tenant_id", "enabled"])
    .execute();
  await db.schema
    .createTable("suite_flow_versions")
    .ifNotExists()
    .addColumn("flow_id", "text", (c) => c.notNull())
    .addColumn("version", "integer", (c) => c.notNull())
    .addColumn("document", "text", (c) => c.notNull())
    .addColumn("created_by", "text")
    .addColumn("created_at", ms, (c) => c.notNull())
    .addPrimaryKeyConstraint("suite_flow_versions_pk", ["flow_id", "version"])
    .execute();
  await db.schema
    .createTable("suite_flow_runs")
    .ifNotExists()
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("tenant_id", "text", (c) => c.notNull())
    .addColumn("flow_id", "text", (c) => c.notNull())
    .addColumn("flow_version", "integer", (c) => c.notNull())
    .addColumn("conversation_id", "text", (c) => c.notNull())
    .addColumn("wa_id", "text", (c) => c.notNull())
    .addColumn("state", "text", (c) => c.notNull())
    .addColumn("node", "text", (c) => c.notNull())
    .addColumn("waiting", "text")
    .addColumn("wait_token", "text")
    .addColumn("wait_until", ms)
    .addColumn("attempts", "integer", (c) => c.notNull())
    .addColumn("steps", "integer", (c) => c.notNull())
    .addColumn("vars", "text", (c) => c.notNull())
    .addColumn("trigger", "text", (c) => c.notNull())
    .addColumn("started_at", ms, (c) => c.notNull())
    .addColumn("updated_at", ms, (c) => c.notNull())
    .addColumn("ended_at", ms)
    .addColumn("end_reason", "text")
    .execute();
  // One active run per conversation, enforced by the store whatever races the code has.
  await db.schema
    .createIndex("suite_flow_runs_one_active")
    .ifNotExists()
    .unique()
    .on("suite_flow_runs")
    .columns(["conversation_id"])
    .where(sql.ref("state"), "=", "active")
    .execute();
  await db.schema
    .createIndex("suite_flow_runs_by_flow")
    .ifNotExists()
    .on("suite_flow_runs")
    .columns(["flow_id", "started_at"])
    .execute();
  await db.schema
    .createIndex("suite_flow_runs_by_state")
    .ifNotExists()
    .on("suite_flow_runs")
    .columns(["tenant_id", "state"])
    .execute();
  // A trace line is one insert: its order comes from a sequence, not from reading the last one.
  const steps = db.schema.createTable("suite_flow_steps").ifNotExists();
  await (dialect === "postgres"
    ? steps.addColumn("seq", "bigserial", (c) => c.primaryKey())
    : steps.addColumn("seq", "integer", (c) => c.primaryKey().autoIncrement())
  )
    .addColumn("run_id", "text", (c) => c.notNull())
    .addColumn("node", "text")
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("detail", "text", (c) => c.notNull())
    .addColumn("at", ms, (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex("suite_flow_steps_by_run")
    .ifNotExists()
    .on("suite_flow_steps")
    .columns(["run_id", "seq"])
    .execute();
  await db.schema.alterTable("suite_conversations").addColumn("bot_run_id", "text").execute();

  await db.schema
    .createTable("suite_api_keys")
    .ifNotExists()
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("tenant_id", "text", (c) => c.notNull())
    .addColumn("user_id", "text", (c) => c.notNull())
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("key_hash", "text", (c) => c.notNull().unique())
    .addColumn("prefix", "text", (c) => c.notNull())
    .addColumn("created_at", ms, (c) => c.notNull())
    .addColumn("last_used_at", ms)
    .addColumn("revoked_at", ms)
    .execute();
}
