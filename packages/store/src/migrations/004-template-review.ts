import type { Kysely } from "kysely";

export const name = "004-template-review";

// Which review rule decided a template, and why: shown to the business (OpenWABA's field
// `review` on GET /{template-id}) so every decision can be explained.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable("templates").addColumn("review_rule", "text").execute();
  await db.schema.alterTable("templates").addColumn("review_note", "text").execute();
}
