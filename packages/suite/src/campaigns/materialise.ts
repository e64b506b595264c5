import type { Insertable } from "kysely";
import { countryOf } from "@openwaba/contracts";
import type { SuiteCampaignRecipientsTable } from "@openwaba/store";
import { saveContact } from "../contacts/commands/save-contact";
import type { ContactRow } from "../contacts/contacts-store";
import { contextFor, type CampaignSpec, type Exclusion } from "@openwaba/contracts/suite";
import { templateBody } from "../flows/flow-messages";
import type { BusinessHours } from "../routing/business-hours";
import { languageOf } from "../routing/language";
import { tenantTransaction } from "../unit-of-work";
import type { Suite } from "../suite";
import { audiencePages } from "./audience";
import { addRecipients } from "./commands/add-recipients";
import { nextDay, zoneOfNumber, zonedInstant } from "./local-time";

// Pressing send fixes the audience: one recipient row per number (a unique index keeps it so),
// with its parameters filled from the contact as it is now and the time it is due — at once, at
// the chosen instant, or at the chosen wall-clock time in the contact's zone (the next day for
// contacts whose time has already passed). Listed numbers that are not contacts become contacts.

export interface Totals {
  recipients: number;
  excluded: Record<Exclusion, number>;
}

export async function materialiseRecipients(
  suite: Suite,
  c: { id: string; tenant_id: string; phone_number_id: string; name: string },
  spec: CampaignSpec,
  category: string,
): Promise<Totals> {
  const now = suite.clock.now();
  const tenant = await suite.db
    .selectFrom("suite_tenants")
    .select("settings")
    .where("id", "=", c.tenant_id)
    .executeTakeFirstOrThrow();
  const tenantZone = (JSON.parse(tenant.settings) as { business_hours?: BusinessHours }).business_hours?.timezone;
  const excluded: Record<Exclusion, number> = {
    no_consent: 0,
    consent_revoked: 0,
    opted_out: 0,
    duplicate: 0,
    invalid_number: 0,
  };
  let seq = 0;
  const dueAt = (waId: string, contact: ContactRow | undefined): number => {
    const s = spec.schedule;
    if (s.type === "now") return now;
    if (s.type === "at") return Math.max(now, Date.parse(s.at));
    const zone = contact?.timezone ?? zoneOfNumber(waId) ?? s.fallback_timezone ?? tenantZone ?? "UTC";
    const at = zonedInstant(s.date, s.time, zone);
    return at >= now ? at : Math.max(now, zonedInstant(nextDay(s.date), s.time, zone));
  };
  for await (const page of audiencePages(suite.db, {
    tenantId: c.tenant_id,
    phoneNumberId: c.phone_number_id,
    audience: spec.audience,
    category,
    now,
  })) {
    const rows: Insertable<SuiteCampaignRecipientsTable>[] = [];
    for (const k of page) {
      if (k.excluded) {
        excluded[k.excluded]++;
        continue;
      }
      const ctx = contextFor(k.contact, {
        waId: k.waId,
        name: k.waId,
        language: k.contact?.language ?? languageOf(k.waId),
        now,
      });
      const body = templateBody(spec.template, ctx) as unknown as { template: { components?: unknown } };
      rows.push({
        campaign_id: c.id,
        seq: ++seq,
        tenant_id: c.tenant_id,
        wa_id: k.waId,
        country: countryOf(k.waId).country,
        components: body.template.components ? JSON.stringify(body.template.components) : null,
        due_at: dueAt(k.waId, k.contact),
        state: "pending",
        attempts: 0,
        outside_window: k.windowOpen ? 0 : 1,
        message_id: null,
        error: null,
        cost_micros: null,
        sent_at: null,
        delivered_at: null,
        read_at: null,
        replied_at: null,
        opted_out_at: null,
        updated_at: now,
      });
    }
    const unknown = page.filter((k) => !k.excluded && !k.contact);
    // Under the tenant's lock: new contacts' events for the business's systems keep their order.
    await tenantTransaction(suite, c.tenant_id, async (tx) => {
      for (const k of unknown)
        await saveContact(suite, tx, {
          tenantId: c.tenant_id,
          contact: { wa_id: k.waId },
          source: `campaign:${c.name}`,
        });
      await addRecipients(suite, tx, { recipients: rows });
    });
  }
  return { recipients: seq, excluded };
}
