import type { Kysely } from "kysely";
import { millisColumn, type Dialect } from "../dialect";

export const name = "013-template-quality-reviews";

// Template quality also follows read rates, which change without any signal: a template that is
// being sent has a reassessment due within the hour.
export async function up(db: Kysely<any>, dialect: Dialect): Promise<void> {
  await db.schema.alterTable("templates").addColumn("quality_review_at", millisColumn(dialect)).execute();
}
