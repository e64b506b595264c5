import type { Db } from "@openwaba/store";
import { recordEvent } from "../../inbox/commands/record-event";
import { recordOutgoingMessage } from "../../inbox/commands/record-outgoing-message";
import type { Suite } from "../../suite";
import { lastCampaignMessage } from "../last-campaign-message";
import { timelineStatus } from "../recipient-state";

export interface NoteCampaignReplyProps {
  tenantId: string;
  /** The customer who wrote. */
  waId: string;
  /** The conversation the customer's message is on. */
  conversation: { id: string; phone_number_id: string };
}

/**
 * A customer's first reply after a campaign message (in the intake's transaction): the recipient
 * counts as replied, and the conversation shows the campaign message it answers (agents see what
 * the customer responds to).
 */
export async function noteCampaignReply(suite: Suite, tx: Db, p: NoteCampaignReplyProps): Promise<void> {
  const now = suite.clock.now();
  const conversationId = p.conversation.id;
  const r = await lastCampaignMessage(tx, p.tenantId, p.waId, now, p.conversation.phone_number_id);
  if (!r || r.replied_at !== null || !r.message_id) return;
  await tx
    .updateTable("suite_campaign_recipients")
    .set({ replied_at: now, updated_at: now })
    .where("campaign_id", "=", r.campaign_id)
    .where("seq", "=", r.seq)
    .execute();
  const spec = JSON.parse(r.spec) as { template: { name: string; language: string } };
  // The campaign's message goes on the timeline now, with its tick so far, above the reply.
  await recordOutgoingMessage(suite, tx, {
    conversationId,
    id: r.message_id,
    type: "template",
    content: {
      name: spec.template.name,
      language: { code: spec.template.language },
      ...(r.components ? { components: JSON.parse(r.components) } : {}),
      campaign: { id: r.campaign_id, name: r.name },
    },
    status: timelineStatus(r.state),
    authorId: null,
    contextId: null,
    at: r.sent_at ?? now,
  });
  await recordEvent(suite, tx, {
    conversationId,
    kind: "campaign_reply",
    actorId: null,
    data: { campaign_id: r.campaign_id, campaign: r.name },
  });
}
