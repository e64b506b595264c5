import type { Kysely } from "kysely";
import { millisColumn, type Dialect } from "../dialect";

export const name = "024-suite-campaigns";

// Broadcast campaigns (issue #5 item 6): an approved template with parameters from contacts, an
// audience fixed into recipients when sent (one row per number: nobody twice), each with when it
// is due, its state and what it cost; a lease so that one node paces a campaign at a time.
export async function up(db: Kysely<any>, dialect: Dialect): Promise<void> {
  const ms = millisColumn(dialect);
  await db.schema
    .createTable("suite_campaigns")
    .ifNotExists()
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("tenant_id", "text", (c) => c.notNull())
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("phone_number_id", "text", (c) => c.notNull())
    .addColumn("spec", "text", (c) => c.notNull())
    .addColumn("state", "text", (c) => c.notNull())
    .addColumn("category", "text")
    .addColumn("totals", "text")
    .addColumn("hold_until", ms)
    .addColumn("hold_reason", "text")
    .addColumn("pause_reason", "text")
    .addColumn("lease_owner", "text")
    .addColumn("lease_until", ms)
    .addColumn("created_by", "text")
    .addColumn("created_at", ms, (c) => c.notNull())
    .addColumn("updated_at", ms, (c) => c.notNull())
    .addColumn("started_at", ms)
    .addColumn("completed_at", ms)
    .execute();
  await db.schema
    .createIndex("suite_campaigns_by_tenant")
    .ifNotExists()
    .on("suite_campaigns")
    .columns(["tenant_id", "created_at"])
    .execute();
  await db.schema
    .createIndex("suite_campaigns_by_state")
    .ifNotExists()
    .on("suite_campaigns")
    .columns(["state"])
    .execute();
  await db.schema
    .createTable("suite_campaign_recipients")
    .ifNotExists()
    .addColumn("campaign_id", "text", (c) => c.notNull())
    .addColumn("seq", "integer", (c) => c.notNull())
    .addColumn("tenant_id", "text", (c) => c.notNull())
    .addColumn("wa_id", "text", (c) => c.notNull())
    .addColumn("country", "text", (c) => c.notNull())
    .addColumn("components", "text")
    .addColumn("due_at", ms, (c) => c.notNull())
    .addColumn("state", "text", (c) => c.notNull())
    .addColumn("attempts", "integer", (c) => c.notNull())
    .addColumn("outside_window", "integer", (c) => c.notNull())
    .addColumn("message_id", "text")
    .addColumn("error", "text")
    .addColumn("cost_micros", "integer")
    .addColumn("sent_at", ms)
    .addColumn("delivered_at", ms)
    .addColumn("read_at", ms)
    .addColumn("replied_at", ms)
    .addColumn("opted_out_at", ms)
    .addColumn("updated_at", ms, (c) => c.notNull())
    .addPrimaryKeyConstraint("suite_campaign_recipients_pk", ["campaign_id", "seq"])
    .execute();
  await db.schema
    .createIndex("suite_campaign_recipients_once")
    .ifNotExists()
    .unique()
    .on("suite_campaign_recipients")
    .columns(["campaign_id", "wa_id"])
    .execute();
  await db.schema
    .createIndex("suite_campaign_recipients_due")
    .ifNotExists()
    .on("suite_campaign_recipients")
    .columns(["campaign_id", "state", "due_at"])
    .execute();
  await db.schema
    .createIndex("suite_campaign_recipients_by_customer")
    .ifNotExists()
    .on("suite_campaign_recipients")
    .columns(["tenant_id", "wa_id", "sent_at"])
    .execute();
  await db.schema
    .createIndex("suite_campaign_recipients_by_send")
    .ifNotExists()
    .on("suite_campaign_recipients")
    .columns(["tenant_id", "sent_at"])
    .execute();
}
