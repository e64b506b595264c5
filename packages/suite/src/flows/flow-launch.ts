import type { Db } from "@openwaba/store";
import { saveContact } from "../contacts/contacts-store";
import { newId } from "../ids";
import type { Suite } from "../suite";
import type { PublishedFlow } from "./flow-catalog";
import { startRun } from "./flow-runs";
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
    await saveContact(
      suite,
      tx,
      o.tenantId,
      { wa_id: o.waId, ...(o.name ? { name: o.name } : {}) },
      `flow:${flow.name}`,
    );
  const conversationId = await conversationWith(suite, tx, o.tenantId, phone, o.waId, o.name ?? o.waId);
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

/** The conversation of a number and a customer; made closed when there is none yet. */
export async function conversationWith(
  suite: Suite,
  tx: Db,
  tenantId: string,
  phoneNumberId: string,
  waId: string,
  name: string,
): Promise<string> {
  const existing = await tx
    .selectFrom("suite_conversations")
    .select("id")
    .where("tenant_id", "=", tenantId)
    .where("phone_number_id", "=", phoneNumberId)
    .where("wa_id", "=", waId)
    .executeTakeFirst();
  if (existing) return existing.id;
  const now = suite.clock.now();
  await tx
    .insertInto("suite_conversations")
    .values({
      id: newId(),
      tenant_id: tenantId,
      phone_number_id: phoneNumberId,
      wa_id: waId,
      contact_name: name,
      state: "resolved",
      assignee_id: null,
      team_id: null,
      priority: "normal",
      labels: "[]",
      last_message_at: now,
      last_inbound_at: null,
      cycle_opened_at: now,
      first_response_at: null,
      snoozed_until: null,
      resolved_at: now,
      sending_until: null,
      created_at: now,
      bot_run_id: null,
    })
    .onConflict((x) => x.columns(["phone_number_id", "wa_id"]).doNothing())
    .execute();
  return (
    await tx
      .selectFrom("suite_conversations")
      .select("id")
      .where("phone_number_id", "=", phoneNumberId)
      .where("wa_id", "=", waId)
      .executeTakeFirstOrThrow()
  ).id;
}
