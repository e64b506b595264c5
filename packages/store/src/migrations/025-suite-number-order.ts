import type { Kysely } from "kysely";

export const name = "025-suite-number-order";

// A tenant's numbers keep the Cloud API's order (GET /{waba-id}/phone_numbers, the credentials
// file): "the first number" is the same one in campaigns, the widget, flows, the CLI and the phone view.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable("suite_numbers")
    .addColumn("position", "integer", (c) => c.notNull().defaultTo(0))
    .execute();
}
