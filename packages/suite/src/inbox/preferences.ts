import type { Db } from "@openwaba/store";
import type { Suite } from "../suite";
import { saveContact } from "../contacts/commands/save-contact";
import { WHATSAPP_PREFERENCE } from "../contacts/consent";
import { noteCampaignOptOut } from "../campaigns/commands/note-opt-out";

export interface PreferencesValue {
  user_preferences?: { wa_id: string; category?: string; value: string; timestamp?: number }[];
}

/**
 * The customer's own choice in WhatsApp (stop / resume marketing messages) is the contact's
 * marketing consent, at the instant they made it; the consent model keeps an older report from
 * overwriting a newer one, and a STOP from being lifted by anything but their resume.
 */
export async function applyPreferences(suite: Suite, tx: Db, tenantId: string, v: PreferencesValue): Promise<void> {
  for (const p of v.user_preferences ?? []) {
    if (p.category && p.category !== "marketing_messages") continue;
    if (p.value !== "stop" && p.value !== "resume") continue;
    const at = p.timestamp ? p.timestamp * 1000 : suite.clock.now();
    const r = await saveContact(suite, tx, {
      tenantId,
      contact: { wa_id: p.wa_id, consent: p.value === "stop" ? "revoked" : "granted", consent_at: at },
      source: WHATSAPP_PREFERENCE,
    });
    if (p.value === "stop" && r.consentChanged) await noteCampaignOptOut(suite, tx, { tenantId, waId: p.wa_id });
  }
}
