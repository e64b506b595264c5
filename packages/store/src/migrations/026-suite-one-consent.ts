import { randomUUID } from "node:crypto";
import type { Kysely } from "kysely";
import type { Dialect } from "../dialect";

export const name = "026-suite-one-consent";

// One consent model (issue #10 item 10): the customer's stop / resume in WhatsApp was kept in
// suite_marketing_preferences beside the contact's consent, and the two disagreed (an import after
// a STOP said "granted"). The contact's consent is now the only one: a standing STOP becomes the
// contact's consent (revoked, source whatsapp_user_preferences, at its time) — a business's later
// record does not lift it, since Meta still refuses marketing (131050) — a number with a
// preference and no contact becomes one, and the preferences table goes.
export async function up(db: Kysely<any>, _dialect: Dialect): Promise<void> {
  const source = "whatsapp_user_preferences";
  const prefs = (await db.selectFrom("suite_marketing_preferences").selectAll().execute()) as {
    tenant_id: string;
    wa_id: string;
    value: string;
    at: number | string;
  }[];
  for (const p of prefs) {
    const at = Number(p.at);
    const consent = p.value === "stop" ? "revoked" : "granted";
    const contact = await db
      .selectFrom("suite_contacts")
      .select(["id", "marketing_consent", "consent_source"])
      .where("tenant_id", "=", p.tenant_id)
      .where("wa_id", "=", p.wa_id)
      .executeTakeFirst();
    if (!contact) {
      await db
        .insertInto("suite_contacts")
        .values({
          id: randomUUID(),
          tenant_id: p.tenant_id,
          wa_id: p.wa_id,
          name: p.wa_id,
          language: null,
          timezone: null,
          attributes: "{}",
          tags: "[]",
          marketing_consent: consent,
          consent_source: source,
          consent_at: at,
          last_activity_at: null,
          created_at: at,
          updated_at: at,
        })
        .execute();
    } else if (
      consent === "revoked" &&
      !(contact.marketing_consent === "revoked" && contact.consent_source === source)
    ) {
      await db
        .updateTable("suite_contacts")
        .set({ marketing_consent: "revoked", consent_source: source, consent_at: at })
        .where("id", "=", contact.id)
        .execute();
    }
    // A standing resume: the contact's consent already says what came last (the resume or a later record).
  }
  await db.schema.dropTable("suite_marketing_preferences").execute();
}
