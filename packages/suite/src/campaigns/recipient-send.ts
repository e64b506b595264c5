import type { PlatformClient } from "../client/platform-client";
import { consentExclusion } from "../contacts/consent";
import type { Suite } from "../suite";
import { callbackData } from "./callback-data";
import type { RecipientRow } from "./campaign-rows";
import type { CampaignSpec } from "@openwaba/contracts/suite";
import { outcomeOf, type SendOutcome } from "./send-outcome";

export interface RecipientSend {
  campaignId: string;
  phoneNumberId: string;
  spec: CampaignSpec;
  /** The claimed recipient: its attempt goes in the callback data. */
  recipient: RecipientRow;
}

/**
 * Sends one recipient its template and says what the answer means. OpenWABA's platform wants
 * consent in its own ledger: when it refuses for want of it and the suite has the customer's
 * consent, that is passed on and the message sent again.
 */
export async function sendToRecipient(suite: Suite, client: PlatformClient, p: RecipientSend): Promise<SendOutcome> {
  const r = p.recipient;
  const body = {
    to: r.wa_id,
    type: "template",
    biz_opaque_callback_data: callbackData({ campaignId: p.campaignId, seq: r.seq, attempt: r.attempts }),
    template: {
      name: p.spec.template.name,
      language: { code: p.spec.template.language },
      ...(r.components ? { components: JSON.parse(r.components) } : {}),
    },
  };
  try {
    return { kind: "accepted", messageId: (await client.sendMessage(p.phoneNumberId, body)).id };
  } catch (err) {
    const outcome = outcomeOf(err, r.attempts);
    if (
      outcome.kind !== "consent_missing" ||
      !(await consentGranted(suite, r)) ||
      !(await client
        .recordConsent(r.wa_id, "marketing", "granted", `openwaba-suite:${p.campaignId}`)
        .catch(() => false))
    )
      return outcome;
    try {
      return { kind: "accepted", messageId: (await client.sendMessage(p.phoneNumberId, body)).id };
    } catch (again) {
      return outcomeOf(again, r.attempts);
    }
  }
}

async function consentGranted(suite: Suite, r: RecipientRow): Promise<boolean> {
  const k = await suite.db
    .selectFrom("suite_contacts")
    .select(["marketing_consent", "consent_source", "consent_at"])
    .where("tenant_id", "=", r.tenant_id)
    .where("wa_id", "=", r.wa_id)
    .executeTakeFirst();
  return consentExclusion(k, "MARKETING") === null;
}
