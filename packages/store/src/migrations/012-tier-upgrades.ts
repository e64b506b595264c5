import type { Kysely } from "kysely";
import { millisColumn, type Dialect } from "../dialect";

export const name = "012-tier-upgrades";

// Automatic tier and throughput upgrades, number statuses (issue #3 items 5 and 6): business
// verification, when a limit review is due, when a number turned RED (per-number model), its
// throughput level and the short maintenance an upgrade costs.
export async function up(db: Kysely<any>, dialect: Dialect): Promise<void> {
  const millis = millisColumn(dialect);
  await db.schema
    .alterTable("businesses")
    .addColumn("verified", "integer", (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema.alterTable("businesses").addColumn("tier_review_at", millis).execute();
  await db.schema.alterTable("phone_numbers").addColumn("tier_review_at", millis).execute();
  await db.schema.alterTable("phone_numbers").addColumn("flagged_at", millis).execute();
  await db.schema
    .alterTable("phone_numbers")
    .addColumn("throughput_level", "text", (c) => c.notNull().defaultTo("STANDARD"))
    .execute();
  await db.schema.alterTable("phone_numbers").addColumn("maintenance_until", millis).execute();
}
