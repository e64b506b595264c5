import type { Selectable } from "kysely";
import type { SuiteCampaignRecipientsTable, SuiteCampaignsTable } from "@openwaba/store";

export type CampaignRow = Selectable<SuiteCampaignsTable>;
export type RecipientRow = Selectable<SuiteCampaignRecipientsTable>;
