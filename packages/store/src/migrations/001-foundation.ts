import { sql, type Kysely } from "kysely";
import { millisColumn, type Dialect } from "../dialect";

export const name = "001-foundation";

// The foundation schema. Times are epoch milliseconds (int8 in PostgreSQL); ids are text.
export async function up(db: Kysely<any>, dialect: Dialect): Promise<void> {
  const millis = millisColumn(dialect);
  const t = (name: string) => db.schema.createTable(name).ifNotExists();

  await t("settings")
    .addColumn("key", "text", (c) => c.primaryKey())
    .addColumn("value", "text", (c) => c.notNull())
    .execute();
  await t("businesses")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("created_at", millis, (c) => c.notNull())
    .execute();
  await t("wabas")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("business_id", "text", (c) => c.notNull())
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("currency", "text", (c) => c.notNull())
    .addColumn("timezone_id", "text", (c) => c.notNull())
    .addColumn("created_at", millis, (c) => c.notNull())
    .execute();
  await t("apps")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("business_id", "text", (c) => c.notNull())
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("secret", "text", (c) => c.notNull())
    .addColumn("graph_version", "text", (c) => c.notNull())
    .addColumn("callback_url", "text")
    .addColumn("verify_token", "text")
    .addColumn("fields", "text")
    .addColumn("created_at", millis, (c) => c.notNull())
    .execute();
  await t("access_tokens")
    .addColumn("token", "text", (c) => c.primaryKey())
    .addColumn("app_id", "text", (c) => c.notNull())
    .addColumn("waba_id", "text", (c) => c.notNull())
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("created_at", millis, (c) => c.notNull())
    .execute();
  await t("phone_numbers")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("waba_id", "text", (c) => c.notNull())
    .addColumn("display_phone_number", "text", (c) => c.notNull())
    .addColumn("verified_name", "text", (c) => c.notNull())
    .addColumn("quality_rating", "text", (c) => c.notNull())
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("profile", "text", (c) => c.notNull())
    .addColumn("created_at", millis, (c) => c.notNull())
    .execute();
  await t("subscribed_apps")
    .addColumn("waba_id", "text", (c) => c.notNull())
    .addColumn("app_id", "text", (c) => c.notNull())
    .addColumn("override_callback_uri", "text")
    .addColumn("verify_token", "text")
    .addColumn("created_at", millis, (c) => c.notNull())
    .addPrimaryKeyConstraint("subscribed_apps_pk", ["waba_id", "app_id"])
    .execute();
  await t("messages")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("phone_number_id", "text", (c) => c.notNull())
    .addColumn("wa_id", "text", (c) => c.notNull())
    .addColumn("direction", "text", (c) => c.notNull())
    .addColumn("type", "text", (c) => c.notNull())
    .addColumn("content", "text", (c) => c.notNull())
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("error_code", "integer")
    .addColumn("context_id", "text")
    .addColumn("biz_opaque_callback_data", "text")
    .addColumn("created_at", millis, (c) => c.notNull())
    .addColumn("updated_at", millis, (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex("messages_thread")
    .ifNotExists()
    .on("messages")
    .columns(["phone_number_id", "wa_id", "created_at"])
    .execute();
  await t("customer_windows")
    .addColumn("phone_number_id", "text", (c) => c.notNull())
    .addColumn("wa_id", "text", (c) => c.notNull())
    .addColumn("last_inbound_at", millis, (c) => c.notNull())
    .addPrimaryKeyConstraint("customer_windows_pk", ["phone_number_id", "wa_id"])
    .execute();
  await t("media")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("waba_id", "text", (c) => c.notNull())
    .addColumn("phone_number_id", "text")
    .addColumn("mime_type", "text", (c) => c.notNull())
    .addColumn("sha256", "text", (c) => c.notNull())
    .addColumn("file_size", millis, (c) => c.notNull())
    .addColumn("filename", "text")
    .addColumn("blob_key", "text", (c) => c.notNull())
    .addColumn("origin", "text", (c) => c.notNull())
    .addColumn("created_at", millis, (c) => c.notNull())
    .addColumn("expires_at", millis, (c) => c.notNull())
    .execute();
  await db.schema.createIndex("media_expiry").ifNotExists().on("media").column("expires_at").execute();

  let jobs = t("jobs");
  jobs =
    dialect === "postgres"
      ? jobs.addColumn("id", "bigserial", (c) => c.primaryKey())
      : jobs.addColumn("id", "integer", (c) => c.primaryKey().autoIncrement());
  await jobs
    .addColumn("queue", "text", (c) => c.notNull())
    .addColumn("key", "text", (c) => c.notNull())
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("payload", "text", (c) => c.notNull())
    .addColumn("status", "text", (c) => c.notNull().defaultTo("ready"))
    .addColumn("run_at", millis, (c) => c.notNull())
    .addColumn("attempts", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("claimed_until", millis)
    .addColumn("last_error", "text")
    .addColumn("created_at", millis, (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex("jobs_due")
    .ifNotExists()
    .on("jobs")
    .columns(["queue", "status", "run_at", "id"])
    .execute();
  await db.schema.createIndex("jobs_order").ifNotExists().on("jobs").columns(["queue", "key", "id"]).execute();

  await t("sim_users")
    .addColumn("wa_id", "text", (c) => c.primaryKey())
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("country", "text", (c) => c.notNull())
    .addColumn("on_whatsapp", "integer", (c) => c.notNull())
    .addColumn("online", "integer", (c) => c.notNull())
    .addColumn("delivery_ms", "integer", (c) => c.notNull())
    .addColumn("read_ms", "integer", (c) => c.notNull())
    .addColumn("read_probability", "real", (c) => c.notNull())
    .addColumn("created_at", millis, (c) => c.notNull())
    .execute();
  await t("sim_chat")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("wa_id", "text", (c) => c.notNull())
    .addColumn("phone_number_id", "text", (c) => c.notNull())
    .addColumn("direction", "text", (c) => c.notNull())
    .addColumn("type", "text", (c) => c.notNull())
    .addColumn("content", "text", (c) => c.notNull())
    .addColumn("at", millis, (c) => c.notNull())
    .addColumn("ticks", "text", (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex("sim_chat_thread")
    .ifNotExists()
    .on("sim_chat")
    .columns(["wa_id", "phone_number_id", "at"])
    .execute();
  void sql;
}
