import type { Kysely } from "kysely";

export const name = "017-messages-by-time";

// The messaging limit counts a number's recent business-initiated messages on every template
// sent outside a window: an index by number and time keeps that to the last 24 hours' rows.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createIndex("messages_by_number_time")
    .ifNotExists()
    .on("messages")
    .columns(["phone_number_id", "created_at"])
    .execute();
}
