import { parseBody } from "../errors";
import type { Suite } from "../suite";
import { tenantNumber } from "../tenant/tenant-number";
import { approvedTemplate } from "./campaign-setup";
import { campaignSpecSchema, type CampaignSpec } from "@openwaba/contracts/suite";

/**
 * Checks a definition against the Cloud API: it parses, its number is the tenant's, its template is
 * approved with matching parameters (a 400 naming the field otherwise).
 */
export async function checkDefinition(suite: Suite, tenantId: string, raw: unknown) {
  const spec = parseBody(campaignSpecSchema, raw);
  const n = await tenantNumber(suite.db, tenantId, spec.phone_number_id);
  const template = await approvedTemplate(suite, spec, n);
  return { spec: { ...spec, phone_number_id: n.id } as CampaignSpec, n, template };
}
