import type { Db } from "@openwaba/store";
import { newId } from "../../ids";
import type { Suite } from "../../suite";
import type { CampaignSpec } from "@openwaba/contracts/suite";

export interface CreateDraftProps {
  tenantId: string;
  /** The checked definition (its number is the tenant's, its template approved). */
  spec: CampaignSpec;
  /** The tenant's number it is sent from. */
  phoneNumberId: string;
  /** The template's category as the Cloud API has it. */
  category: string;
  /** The person who made it. */
  createdBy: string;
}

/** A new campaign, a draft: nothing is sent until someone sends it. Returns its id. */
export async function createDraft(suite: Suite, tx: Db, p: CreateDraftProps): Promise<string> {
  const now = suite.clock.now();
  const id = newId();
  await tx
    .insertInto("suite_campaigns")
    .values({
      id,
      tenant_id: p.tenantId,
      name: p.spec.name,
      phone_number_id: p.phoneNumberId,
      spec: JSON.stringify(p.spec),
      state: "draft",
      category: p.category,
      totals: null,
      hold_until: null,
      hold_reason: null,
      pause_reason: null,
      lease_owner: null,
      lease_until: null,
      created_by: p.createdBy,
      created_at: now,
      updated_at: now,
      started_at: null,
      completed_at: null,
    })
    .execute();
  return id;
}
