import type { SuiteModule } from "../module";
import { registerCampaignRoutes } from "./campaigns.routes";
import { CampaignDispatcher } from "./campaign-dispatcher";
import { applyRecipientStatus } from "./commands/apply-recipient-status";
import { noteCampaignReply } from "./commands/note-reply";

/** Campaigns: a reply to a campaign's message counts for it; its messages' ticks are its recipients'. */
export const campaignsModule: SuiteModule = {
  name: "campaigns",
  routes: registerCampaignRoutes,
  workers: (suite) => [new CampaignDispatcher(suite)],
  // A SQLite file has one process: a campaign lease left by a killed one is free at once.
  async recover(suite) {
    if (suite.dialect === "sqlite") await new CampaignDispatcher(suite).releaseStaleLeases();
  },
  async onCustomerMessage(suite, tx, e) {
    await noteCampaignReply(suite, tx, { tenantId: e.tenantId, waId: e.message.from, conversation: e.conversation });
    return undefined;
  },
  async onStatus(suite, tx, e) {
    const campaign = await applyRecipientStatus(suite, tx, {
      tenantId: e.tenantId,
      callback: e.status.biz_opaque_callback_data,
      status: e.status,
    });
    if (!campaign) return undefined;
    // Once a reply put the campaign's message on the timeline, its tick moves there too.
    e.alsoOnTimeline = campaign.replied;
    return "took";
  },
};
