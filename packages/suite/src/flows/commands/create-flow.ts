import type { Db } from "@openwaba/store";
import { newId } from "../../ids";
import type { Suite } from "../../suite";
import type { FlowDocument } from "@openwaba/contracts/suite";

export interface CreateFlowProps {
  tenantId: string;
  /** Who made it; null: made by the suite (a key, a seed). */
  userId: string | null;
  /** Its first version, checked already (`checkedDocument`, `checkTenantReferences`). */
  document: FlowDocument;
}

/** A new flow at version 1, disabled and not live until published. Returns its id. */
export async function createFlow(suite: Suite, tx: Db, p: CreateFlowProps): Promise<string> {
  const id = newId();
  const now = suite.clock.now();
  await tx
    .insertInto("suite_flows")
    .values({
      id,
      tenant_id: p.tenantId,
      name: p.document.name,
      enabled: 0,
      live_version: null,
      latest_version: 1,
      trigger_type: p.document.trigger.type,
      next_fire_at: null,
      created_at: now,
      updated_at: now,
    })
    .execute();
  await tx
    .insertInto("suite_flow_versions")
    .values({ flow_id: id, version: 1, document: JSON.stringify(p.document), created_by: p.userId, created_at: now })
    .execute();
  return id;
}
