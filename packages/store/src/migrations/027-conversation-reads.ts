import type { Kysely } from "kysely";
import { millisColumn, type Dialect } from "../dialect";

export const name = "027-conversation-reads";

// When each person last read each conversation (issue #10 item 8): a conversation's unread count
// is per viewer — the customer's messages after this person's last look — counted with the
// messages' (conversation, time) index; a row per person who opened the thread.
export async function up(db: Kysely<any>, dialect: Dialect): Promise<void> {
  await db.schema
    .createTable("suite_conversation_reads")
    .ifNotExists()
    .addColumn("conversation_id", "text", (c) => c.notNull())
    .addColumn("user_id", "text", (c) => c.notNull())
    .addColumn("read_at", millisColumn(dialect), (c) => c.notNull())
    .addPrimaryKeyConstraint("suite_conversation_reads_pk", ["conversation_id", "user_id"])
    .execute();
}
