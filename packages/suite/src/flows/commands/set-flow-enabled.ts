import type { Db } from "@openwaba/store";
import { SuiteError } from "../../errors";
import type { Suite } from "../../suite";
import { publishFlowVersion } from "./publish-flow-version";

export interface SetFlowEnabledProps {
  flowId: string;
  /** On: its live version runs again (a schedule gets its next firing); off: no trigger starts it. */
  enabled: boolean;
}

/** Switches a flow on or off; on needs a published version (a 409 otherwise). Runs going are left to end. */
export async function setFlowEnabled(suite: Suite, tx: Db, p: SetFlowEnabledProps): Promise<void> {
  const f = await tx
    .selectFrom("suite_flows")
    .select(["live_version"])
    .where("id", "=", p.flowId)
    .executeTakeFirstOrThrow();
  if (p.enabled && f.live_version === null)
    throw new SuiteError(409, "not_published", "Publish a version of this flow before enabling it.");
  if (p.enabled) return publishFlowVersion(suite, tx, { flowId: p.flowId, version: f.live_version! });
  await tx
    .updateTable("suite_flows")
    .set({ enabled: 0, next_fire_at: null, updated_at: suite.clock.now() })
    .where("id", "=", p.flowId)
    .execute();
}
