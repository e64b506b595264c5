import type { Db } from "@openwaba/store";
import type { Suite } from "../suite";
import { conversationOf } from "./commands/conversation-of";
import { recordOutgoingMessage } from "./commands/record-outgoing-message";

/** What the business sent to a customer other than through this suite: `smb_message_echoes`. */
export interface EchoesValue {
  metadata?: { phone_number_id?: string };
  message_echoes?: ({ id: string; to: string; timestamp: string; type: string } & Record<string, unknown>)[];
}

/**
 * Messages sent to customers by other software on the same number (a bot or a script through the
 * Cloud API on OpenWABA; on Meta, what the WhatsApp Business app sent on a coexistence number) go
 * into the customer's thread, marked as sent by the API, so the team sees the whole conversation.
 * Their statuses follow and move their ticks. A contact nobody has talked to yet gets a resolved
 * conversation: nobody's work until they answer, which opens it and routes it as usual. A number
 * that is neither (a script's bulk send, a number not on WhatsApp) makes nothing: the inbox holds
 * the business's customers, and the customer's answer would make the conversation anyway.
 */
export async function applyEchoes(suite: Suite, tx: Db, tenantId: string, v: EchoesValue): Promise<void> {
  const phoneNumberId = v.metadata?.phone_number_id;
  if (!phoneNumberId) return;
  const known = await tx
    .selectFrom("suite_numbers")
    .select("id")
    .where("id", "=", phoneNumberId)
    .where("tenant_id", "=", tenantId)
    .executeTakeFirst();
  if (!known) return;
  for (const e of v.message_echoes ?? []) await echo(suite, tx, tenantId, phoneNumberId, e);
}

async function echo(
  suite: Suite,
  tx: Db,
  tenantId: string,
  phoneNumberId: string,
  e: NonNullable<EchoesValue["message_echoes"]>[number],
): Promise<void> {
  const waId = String(e.to ?? "").replace(/\D/g, "");
  if (!waId || typeof e.id !== "string") return;
  const now = suite.clock.now();
  const at = Number(e.timestamp) * 1000 || now;
  const existing = await tx
    .selectFrom("suite_conversations")
    .select("id")
    .where("phone_number_id", "=", phoneNumberId)
    .where("wa_id", "=", waId)
    .executeTakeFirst();
  let conversationId = existing?.id;
  if (!conversationId) {
    // Only for the tenant's contacts: an app's sends to strangers make no conversation.
    const contact = await tx
      .selectFrom("suite_contacts")
      .select("name")
      .where("tenant_id", "=", tenantId)
      .where("wa_id", "=", waId)
      .executeTakeFirst();
    if (!contact) return;
    const made = await conversationOf(suite, tx, {
      tenantId,
      phoneNumberId,
      waId,
      name: contact.name || waId,
      startAs: { state: "resolved" },
    });
    conversationId = made.conversation.id;
  }
  const content = e[e.type] && typeof e[e.type] === "object" ? (e[e.type] as Record<string, unknown>) : {};
  await recordOutgoingMessage(suite, tx, {
    conversationId,
    id: e.id,
    type: e.type,
    content: { ...content, origin: "api" },
    authorId: null,
    contextId: null,
    at,
  });
}
