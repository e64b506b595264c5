import { normaliseNumber } from "@openwaba/contracts";
import type { SuiteUser } from "../auth/sessions";
import { saveContact } from "../contacts/commands/save-contact";
import { SuiteError, forbidden, parseBody } from "../errors";
import { contextFor, startConversationRequest } from "@openwaba/contracts/suite";
import { templateBody } from "../flows/flow-messages";
import { stopBotRun } from "../flows/flow-runs";
import { takeConversation } from "./commands/take-conversation";
import { languageOf } from "../routing/language";
import type { Suite } from "../suite";
import { tenantNumber } from "../tenant/tenant-number";
import { sendAndRecord } from "./compose";
import { recordEvent } from "./commands/record-event";
import { presentConversation, presentMessage, type ConversationRow } from "./present";
import { conversationOf, discardUnusedConversation } from "./commands/conversation-of";
import { reopenConversation } from "./commands/reopen-conversation";
import { authorizeWorkOn, canSeeConversation } from "../auth/policies";
import { teamIdsOf } from "./visible-conversation";

// The business writes first (issue #10 item 7): an approved template to a number, from one of the
// tenant's numbers, its parameters filled from the contact as campaigns fill them
// ({{contact.name}}, {{attr.code|fallback}}). Outside a customer service window only a template
// may open a conversation, so nothing else is offered.

/**
 * Starts (or continues) the conversation of a business number with a customer by sending a
 * template: a new conversation is the sender's, open, and its customer becomes a contact; an
 * existing one is reopened if resolved and claimed if unassigned. If the Cloud API refuses the
 * template, nothing stays behind: a conversation made for it is removed again.
 */
export async function startConversation(suite: Suite, user: SuiteUser, raw: unknown) {
  const b = parseBody(startConversationRequest, raw);
  const waId = normaliseNumber(b.to);
  if (!waId)
    throw new SuiteError(
      400,
      "invalid_request",
      `to: ${b.to} is not a valid phone number; write it in E.164, with + and the country code (+48600100200).`,
      { field: "to" },
    );
  const number = await tenantNumber(suite.db, user.tenant_id, b.phone_number_id);
  const now = suite.clock.now();
  const contact = await suite.db
    .selectFrom("suite_contacts")
    .selectAll()
    .where("tenant_id", "=", user.tenant_id)
    .where("wa_id", "=", waId)
    .executeTakeFirst();
  const ctx = contextFor(contact, {
    waId,
    name: contact?.name ?? waId,
    language: contact?.language ?? languageOf(waId),
    now,
  });
  const body = { to: waId, ...templateBody(b.template, ctx) };

  // Made outside the send's transaction: the send may wait on the Cloud API, and the customer (or
  // a colleague) writing a moment ago makes it theirs — then this send continues it.
  const { conversation: c, created: made } = await conversationOf(suite, suite.db, {
    tenantId: user.tenant_id,
    phoneNumberId: number.id,
    waId,
    name: contact?.name ?? waId,
    startAs: { state: "open", assigneeId: user.id },
  });
  if (!made) await mayContinue(suite, user, c);

  const conversation = c;
  try {
    const message = await sendAndRecord(
      suite,
      conversation,
      body,
      { authorId: user.id, contextId: null, now },
      async (tx) => {
        if (!contact)
          await saveContact(suite, tx, {
            tenantId: user.tenant_id,
            contact: { wa_id: waId },
            source: `console:${user.email}`,
          });
        if (made) {
          await recordEvent(suite, tx, {
            conversationId: conversation.id,
            kind: "started",
            actorId: user.id,
            data: { phone_number_id: number.id, template: b.template.name },
            announceConversation: false,
          });
          return;
        }
        await stopBotRun(suite, tx, conversation.id, "an agent answered", user.id);
        if (conversation.state === "resolved")
          await reopenConversation(suite, tx, { conversation, actorId: user.id, announceConversation: false });
        if (!conversation.assignee_id)
          await takeConversation(suite, tx, {
            conversationId: conversation.id,
            assigneeId: user.id,
            actorId: user.id,
            kind: "claimed",
            announceConversation: false,
          });
      },
    );
    const fresh = await suite.db
      .selectFrom("suite_conversations")
      .selectAll()
      .where("id", "=", conversation.id)
      .executeTakeFirstOrThrow();
    return {
      conversation: presentConversation(fresh, suite.clock.now()),
      message: presentMessage(message, new Map([[user.id, user.name]])),
    };
  } catch (err) {
    // Only the empty conversation made here goes (the customer may have written into it meanwhile).
    if (made) await discardUnusedConversation(suite.db, { conversationId: conversation.id });
    throw err;
  }
}

/** Writing into a conversation that exists: the sender must see it and may work on it. */
async function mayContinue(suite: Suite, user: SuiteUser, c: ConversationRow): Promise<void> {
  if (!canSeeConversation({ id: user.id, role: user.role, teamIds: await teamIdsOf(suite.db, user.id) }, c)) {
    throw forbidden(
      "This customer's conversation on that number is in another team's queue; a supervisor can transfer it to you.",
    );
  }
  authorizeWorkOn(user, c);
}
