import type { Kysely } from "kysely";
import { millisColumn, type Dialect } from "../dialect";

export const name = "020-message-qrdls";

// QR codes and short links (POST /{phone-number-id}/message_qrdls): a code that opens a chat with
// a business number and a prefilled message (issue #5 item 5, consent entry points).
export async function up(db: Kysely<any>, dialect: Dialect): Promise<void> {
  await db.schema
    .createTable("message_qrdls")
    .ifNotExists()
    .addColumn("code", "text", (c) => c.primaryKey())
    .addColumn("phone_number_id", "text", (c) => c.notNull())
    .addColumn("prefilled_message", "text", (c) => c.notNull())
    .addColumn("created_at", millisColumn(dialect), (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex("message_qrdls_by_number")
    .ifNotExists()
    .on("message_qrdls")
    .columns(["phone_number_id"])
    .execute();
}
