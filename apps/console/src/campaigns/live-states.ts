import type { CampaignState } from "@openwaba/contracts/suite";

/** States in which a campaign moves by itself: its page follows it every second. */
export const LIVE_STATES: CampaignState[] = ["preparing", "scheduled", "running"];
