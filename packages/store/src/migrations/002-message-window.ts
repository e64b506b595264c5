import type { Kysely } from "kysely";
import { millisColumn, type Dialect } from "../dialect";

export const name = "002-message-window";

// When the customer service window a message was sent in opened: the status webhooks' conversation
// object needs it, and keeping it on the message spares a lookup per status.
export async function up(db: Kysely<any>, dialect: Dialect): Promise<void> {
  await db.schema.alterTable("messages").addColumn("window_opened_at", millisColumn(dialect)).execute();
}
