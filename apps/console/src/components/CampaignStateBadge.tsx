import type { CampaignState } from "../campaigns/campaign-types";

/** A campaign's state as a coloured word. */
export function CampaignStateBadge({ state }: { state: CampaignState }) {
  return (
    <span className={`campaign-state ${state}`} data-state={state}>
      {state}
    </span>
  );
}
