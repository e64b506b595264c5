import type { Db } from "@openwaba/store";
import { isWindowOpen, needsOpenWindow } from "@openwaba/contracts";
import { composedMessageRequest } from "@openwaba/contracts/suite";
import type { SuiteUser } from "../auth/sessions";
import { PlatformCallError } from "../client/platform-client";
import { SuiteError, parseBody } from "../errors";
import { tenantTransaction } from "../unit-of-work";
import { takeConversation } from "./commands/take-conversation";
import type { Suite } from "../suite";
import { expectSend, noteFirstResponse } from "./commands/note-send";
import { recordOutgoingMessage } from "./commands/record-outgoing-message";
import { presentMessage, type ConversationRow } from "./present";
import { stopBotRun } from "../flows/flow-runs";

const SENDING_MS = 60_000;

/**
 * Sends an agent's message through the Cloud API and puts it on the timeline. Free-form messages
 * need the customer service window (refused here, before the platform fails them with 131047);
 * the platform's refusals come back in the suite's envelope with Meta's error inside. The first
 * answer of a cycle sets its first-response time; answering an unassigned conversation takes it.
 */
export async function sendFromConsole(suite: Suite, user: SuiteUser, c: ConversationRow, raw: unknown) {
  const b = parseBody(composedMessageRequest, raw);
  const now = suite.clock.now();
  if (needsOpenWindow(b.type) && !isWindowOpen(c.last_inbound_at, now)) {
    throw new SuiteError(
      409,
      "window_closed",
      "The customer service window is closed: only an approved template can be sent now.",
    );
  }
  const context = "context_message_id" in b && b.context_message_id ? b.context_message_id : undefined;
  const { type, context_message_id: _ctx, ...rest } = b as typeof b & { context_message_id?: string };
  const body = { to: c.wa_id, type, ...rest, ...(context ? { context: { message_id: context } } : {}) };
  const message = await sendAndRecord(
    suite,
    c,
    body,
    { authorId: user.id, contextId: context ?? null, now },
    async (tx) => {
      await noteFirstResponse(tx, { conversationId: c.id, at: now });
      await stopBotRun(suite, tx, c.id, "an agent answered", user.id);
      if (!c.assignee_id)
        await takeConversation(suite, tx, {
          conversationId: c.id,
          assigneeId: user.id,
          actorId: user.id,
          kind: "claimed",
        });
    },
  );
  return presentMessage(message, new Map([[user.id, user.name]]));
}

/**
 * Sends a Cloud API message for a conversation and puts it on the timeline (an agent's or the
 * bot's): the ticks that may come before the answer are kept meanwhile and applied once it is
 * stored; `also` adds the sender's own changes to the same transaction.
 */
export async function sendAndRecord(
  suite: Suite,
  c: ConversationRow,
  body: Record<string, unknown> & { type: string },
  o: { authorId: string | null; contextId: string | null; now: number },
  also?: (tx: Db, messageId: string) => Promise<void>,
) {
  const conn = await suite.db
    .selectFrom("suite_numbers")
    .select("connection_id")
    .where("id", "=", c.phone_number_id)
    .executeTakeFirstOrThrow();
  // Its first ticks may arrive before the answer: the intake keeps them while this is set.
  await expectSend(suite.db, { conversationId: c.id, until: o.now + SENDING_MS });
  let sent: { id: string };
  try {
    sent = await (await suite.client(conn.connection_id)).sendMessage(c.phone_number_id, body);
  } catch (err) {
    if (!(err instanceof PlatformCallError)) throw err;
    throw new SuiteError(err.status >= 500 ? 502 : 422, "platform_refused", err.message, { graph: err.graph });
  }
  const content = (body as Record<string, unknown>)[body.type] ?? {};
  return tenantTransaction(suite, c.tenant_id, async (tx) => {
    const recorded = await recordOutgoingMessage(suite, tx, {
      conversationId: c.id,
      id: sent.id,
      type: body.type,
      content: content as Record<string, unknown>,
      authorId: o.authorId,
      contextId: o.contextId,
      at: o.now,
      alongside: also ? (t) => also(t, sent.id) : undefined,
    });
    return recorded ?? tx.selectFrom("suite_messages").selectAll().where("id", "=", sent.id).executeTakeFirstOrThrow();
  });
}
