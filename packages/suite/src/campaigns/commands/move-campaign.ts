import type { Updateable } from "kysely";
import type { Db, SuiteCampaignsTable } from "@openwaba/store";
import type { Suite } from "../../suite";
import { type CampaignState, canMove } from "../campaign-state";

export interface MoveCampaignProps {
  campaignId: string;
  /** The states it may be moved from: it moves only if it is still in one of them (of two writers, one wins). */
  from: readonly CampaignState[];
  to: CampaignState;
  /** What changes with the move (a reason, a time). */
  set?: Omit<Updateable<SuiteCampaignsTable>, "state" | "updated_at">;
  /** The moment of the move (the caller's clock reading, if it has one). */
  now?: number;
}

/**
 * Moves a campaign along its state machine, conditionally: false when it is no longer where the
 * caller saw it. The commands that name the moves (pause, resume, cancel, finish…) go through it.
 */
export async function moveCampaign(suite: Suite, tx: Db, p: MoveCampaignProps): Promise<boolean> {
  const wrong = p.from.filter((s) => !canMove(s, p.to));
  if (wrong.length) throw new Error(`a campaign cannot move from ${wrong.join(", ")} to ${p.to}`);
  const r = await tx
    .updateTable("suite_campaigns")
    .set({ ...p.set, state: p.to, updated_at: p.now ?? suite.clock.now() })
    .where("id", "=", p.campaignId)
    .where("state", "in", p.from)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}
