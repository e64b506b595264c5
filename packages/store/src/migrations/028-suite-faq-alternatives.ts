import type { Kysely } from "kysely";

export const name = "028-suite-faq-alternatives";

// Other ways to ask an FAQ entry (issue #10 item 14): "When are you open?" beside "What are your
// opening hours?". A JSON array of questions; the bot matches a customer against each of them.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable("suite_faq")
    .addColumn("alternatives", "text", (c) => c.notNull().defaultTo("[]"))
    .execute();
}
