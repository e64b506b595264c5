import type { Db } from "@openwaba/store";
import { SuiteError } from "../../errors";
import type { Suite } from "../../suite";
import type { FlowDocument } from "@openwaba/contracts/suite";
import { nextFiring } from "../flow-store";

export interface PublishFlowVersionProps {
  flowId: string;
  /** The version that goes live (runs already going keep the version they started with). */
  version: number;
}

/** Makes a version live and the flow enabled; a schedule gets its next firing time. */
export async function publishFlowVersion(suite: Suite, tx: Db, p: PublishFlowVersionProps): Promise<void> {
  const row = await tx
    .selectFrom("suite_flow_versions")
    .select("document")
    .where("flow_id", "=", p.flowId)
    .where("version", "=", p.version)
    .executeTakeFirst();
  if (!row)
    throw new SuiteError(400, "invalid_request", `version: this flow has no version ${p.version}.`, {
      field: "version",
    });
  const doc = JSON.parse(row.document) as FlowDocument;
  await tx
    .updateTable("suite_flows")
    .set({
      live_version: p.version,
      enabled: 1,
      trigger_type: doc.trigger.type,
      next_fire_at: nextFiring(doc, suite.clock.now()),
      updated_at: suite.clock.now(),
    })
    .where("id", "=", p.flowId)
    .execute();
}
