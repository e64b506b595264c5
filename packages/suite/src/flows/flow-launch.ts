import type { Db } from "@openwaba/store";
import { saveContact } from "../contacts/commands/save-contact";
import { conversationOf } from "../inbox/commands/conversation-of";
import type { Suite } from "../suite";
import type { PublishedFlow } from "./flow-catalog";
import { startRun } from "./commands/start-run";
import { tenantNumber } from "../tenant/tenant-number";

// Runs the business starts rather than the customer: an event from its own system ("order
// shipped"), a schedule, an agent. The customer may never have written: the contact and a closed
// conversation are made so the bot's messages have a timeline (a reply opens it for the bot).

export type Launch = { flow_id: string; run_id: string } | { flow_id: string; skipped: string };

export async function launchFlow(
  suite: Suite,
  tx: Db,
  flow: PublishedFlow,
  o: {
    tenantId: string;
    waId: string;
    phoneNumberId?: string;
    name?: string;
    trigger: Record<string, unknown>;
    event?: Record<string, unknown>;
  },
): Promise<Launch> {
  const phone = o.phoneNumberId ?? flow.phoneNumberIds?.[0] ?? (await numberFor(tx, o.tenantId, o.waId));
  if (!phone) return { flow_id: flow.id, skipped: "the tenant has no number" };
  // A number is always the tenant's own: another tenant's conversations are out of reach.
  if (
    !(await tx
      .selectFrom("suite_numbers")
      .select("id")
      .where("id", "=", phone)
      .where("tenant_id", "=", o.tenantId)
      .executeTakeFirst())
  )
    return { flow_id: flow.id, skipped: `${phone} is not a number of this tenant` };
  const known = await tx
    .selectFrom("suite_contacts")
    .select("id")
    .where("tenant_id", "=", o.tenantId)
    .where("wa_id", "=", o.waId)
    .executeTakeFirst();
  if (!known)
    await saveContact(suite, tx, {
      tenantId: o.tenantId,
      contact: { wa_id: o.waId, ...(o.name ? { name: o.name } : {}) },
      source: `flow:${flow.name}`,
    });
  const { conversation } = await conversationOf(suite, tx, {
    tenantId: o.tenantId,
    phoneNumberId: phone,
    waId: o.waId,
    name: o.name ?? o.waId,
    startAs: { state: "resolved" },
  });
  const conversationId = conversation.id;
  const runId = await startRun(suite, tx, {
    flow,
    conversationId,
    waId: o.waId,
    tenantId: o.tenantId,
    trigger: o.trigger,
    event: o.event,
  });
  return runId
    ? { flow_id: flow.id, run_id: runId }
    : { flow_id: flow.id, skipped: "another run is active in this conversation" };
}

/** The number a customer last talked to, else the tenant's first. */
async function numberFor(tx: Db, tenantId: string, waId: string): Promise<string | undefined> {
  const last = await tx
    .selectFrom("suite_conversations")
    .select("phone_number_id")
    .where("tenant_id", "=", tenantId)
    .where("wa_id", "=", waId)
    .orderBy("last_message_at", "desc")
    .limit(1)
    .executeTakeFirst();
  if (last) return last.phone_number_id;
  return (await tenantNumber(tx, tenantId).catch(() => null))?.id;
}
