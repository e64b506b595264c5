import type { Kysely } from "kysely";

export const name = "010-messaging-limits";

// Messaging limits (issue #3 item 5): the tier of each business portfolio (the model since
// 7 October 2025) and of each number (the per-number model before it).
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable("businesses")
    .addColumn("messaging_tier", "text", (c) => c.notNull().defaultTo("TIER_250"))
    .execute();
  await db.schema
    .alterTable("phone_numbers")
    .addColumn("messaging_tier", "text", (c) => c.notNull().defaultTo("TIER_250"))
    .execute();
}
