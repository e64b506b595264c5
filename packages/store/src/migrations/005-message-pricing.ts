import type { Kysely } from "kysely";

export const name = "005-message-pricing";

// The pricing category of an outbound message (service, or the template's category), fixed when
// it is sent: its statuses' pricing objects read it.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable("messages").addColumn("pricing_category", "text").execute();
}
