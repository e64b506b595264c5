import { sql, type Expression, type SqlBool } from "kysely";
import { containing } from "../like-pattern";
import type { Db } from "@openwaba/store";
import type { Suite } from "../suite";
import { authorNames } from "./author-names";
import { presentMessage, type ConversationRow } from "./present";

// What the inbox list shows beside each conversation: the last message (a preview) and how many
// of the customer's messages the viewer has not read, found for one page of conversations in two
// indexed queries; and the search over names, numbers and what was written.

/** A LIKE pattern for `q`, lower-cased, its own % and _ taken literally (the same on both databases). */
const likePattern = (q: string) => containing(q.toLowerCase());

/**
 * Conversations whose customer's name or number, or one of whose messages or notes, holds `q`.
 * A number may be typed as written (+48 600 100…): its digits are looked for.
 */
export function conversationSearch(suite: Suite, q: string): Expression<SqlBool> {
  const pattern = likePattern(q);
  const digits = q.replace(/[\s+()-]/g, "");
  const number = /^\d+$/.test(digits) ? likePattern(digits) : pattern;
  // The words of a message, wherever its type keeps them (JSON text in both databases).
  const doc = suite.dialect === "postgres" ? sql`m.content::jsonb` : sql`m.content`;
  const said = sql`case m.type
    when 'text' then ${doc} ->> 'body'
    when 'interactive' then coalesce(${doc} -> 'body' ->> 'text', ${doc} -> 'button_reply' ->> 'title', ${doc} -> 'list_reply' ->> 'title')
    when 'button' then ${doc} ->> 'text'
    else ${doc} ->> 'caption' end`;
  return sql<SqlBool>`(lower(suite_conversations.contact_name) like ${pattern} escape '\\'
    or suite_conversations.wa_id like ${number} escape '\\'
    or exists (select 1 from suite_messages m where m.conversation_id = suite_conversations.id and lower(${said}) like ${pattern} escape '\\'))`;
}

/** Each listed conversation's last message (reactions aside) and the viewer's unread count. */
export async function listExtras(db: Db, viewerId: string, rows: ConversationRow[]) {
  const ids = rows.map((c) => c.id);
  const out = new Map<string, { last_message: ReturnType<typeof presentMessage> | null; unread: number }>();
  if (!ids.length) return out;
  const last = await db
    .selectFrom("suite_messages as m")
    .selectAll("m")
    .where("m.conversation_id", "in", ids)
    .where(
      sql<SqlBool>`m.at = (select max(x.at) from suite_messages x where x.conversation_id = m.conversation_id and x.direction <> 'note' and x.type <> 'reaction')`,
    )
    .where("m.direction", "!=", "note")
    .where("m.type", "!=", "reaction")
    .execute();
  // The customer's messages after this viewer last read the conversation (all of them, if never).
  const unread = await db
    .selectFrom("suite_messages as m")
    .leftJoin("suite_conversation_reads as r", (j) =>
      j.onRef("r.conversation_id", "=", "m.conversation_id").on("r.user_id", "=", viewerId),
    )
    .select(["m.conversation_id", (e) => e.fn.countAll<number>().as("n")])
    .where("m.conversation_id", "in", ids)
    .where("m.direction", "=", "in")
    .where("m.type", "!=", "reaction")
    .where((e) => e.or([e("r.read_at", "is", null), e("m.at", ">", e.ref("r.read_at"))]))
    .groupBy("m.conversation_id")
    .execute();
  const tenantId = rows[0].tenant_id;
  const names = await authorNames(
    db,
    tenantId,
    last.map((m) => m.author_id),
  );
  const counts = new Map(unread.map((u) => [u.conversation_id, Number(u.n)]));
  // Two messages at the same millisecond: one of them, the same one every time.
  const lastOf = new Map<string, (typeof last)[number]>();
  for (const m of last) {
    const seen = lastOf.get(m.conversation_id);
    if (!seen || m.id > seen.id) lastOf.set(m.conversation_id, m);
  }
  for (const id of ids) {
    const m = lastOf.get(id);
    out.set(id, { last_message: m ? presentMessage(m, names) : null, unread: counts.get(id) ?? 0 });
  }
  return out;
}

/** The viewer has read the conversation up to now. */
