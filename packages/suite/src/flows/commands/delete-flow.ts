import type { Db } from "@openwaba/store";
import type { Suite } from "../../suite";
import { giveBackToPeople } from "./give-back-to-people";

export interface DeleteFlowProps {
  /** The flow, the tenant's own (checked by the caller). */
  flowId: string;
  /** Who deleted it: named on the stopped runs' timeline events. */
  actorId: string;
}

/**
 * Deletes a flow. Its active runs stop first and their conversations go back to people; its
 * versions and its past runs stay in the store. Run it under the tenant's lock.
 */
export async function deleteFlow(suite: Suite, tx: Db, p: DeleteFlowProps): Promise<void> {
  const runs = await tx
    .selectFrom("suite_flow_runs")
    .select(["id", "conversation_id"])
    .where("flow_id", "=", p.flowId)
    .where("state", "=", "active")
    .execute();
  for (const run of runs)
    await giveBackToPeople(suite, tx, { run, state: "stopped", reason: "flow deleted", actorId: p.actorId });
  await tx.deleteFrom("suite_flows").where("id", "=", p.flowId).execute();
}
