import type { Db } from "@openwaba/store";
import type { Suite } from "../suite";
import { saveContact } from "../contacts/contacts-store";
import { noteCampaignOptOut } from "../campaigns/campaign-statuses";

export interface PreferencesValue { user_preferences?: { wa_id: string; category?: string; value: string; timestamp?: number }[] }

/** Keeps the customer's latest marketing preference (stop / resume); an older report never overwrites a newer one. */
export async function applyPreferences(suite: Suite, tx: Db, tenantId: string, v: PreferencesValue): Promise<void> {
  for (const p of v.user_preferences ?? []) {
    if (p.category && p.category !== "marketing_messages") continue;
    const at = p.timestamp ? p.timestamp * 1000 : suite.clock.now();
    const r = await tx.insertInto("suite_marketing_preferences").values({ tenant_id: tenantId, wa_id: p.wa_id, value: p.value, at })
      .onConflict((c) => c.columns(["tenant_id", "wa_id"]).doUpdateSet({ value: p.value, at }).where("suite_marketing_preferences.at", "<=", at)).executeTakeFirst();
    // The contact's consent follows the customer's own choice in WhatsApp — its latest one only.
    if (Number(r.numInsertedOrUpdatedRows ?? 1)) await saveContact(suite, tx, tenantId, { wa_id: p.wa_id, consent: p.value === "stop" ? "revoked" : "granted" }, "whatsapp_user_preferences");
    if (p.value === "stop") await noteCampaignOptOut(suite, tx, tenantId, p.wa_id);
  }
}
