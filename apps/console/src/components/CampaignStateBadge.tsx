import type { CampaignState } from "@openwaba/contracts/suite";

/** A campaign's state as a coloured word. */
export function CampaignStateBadge({ state }: { state: CampaignState }) {
  return (
    <span className={`campaign-state ${state}`} data-state={state}>
      {state}
    </span>
  );
}
