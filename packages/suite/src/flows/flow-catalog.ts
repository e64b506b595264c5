import type { Db } from "@openwaba/store";
import type { FlowDocument } from "./flow-document";
import type { LiveFlow } from "./triggers";

// Flow documents as the runtime reads them. A version never changes once saved, so parsed
// documents are kept by (flow, version) for the life of the process.

const documents = new Map<string, FlowDocument>();
const MAX_CACHED = 2000;

export async function flowDocument(db: Db, flowId: string, version: number): Promise<FlowDocument | null> {
  const key = `${flowId}@${version}`;
  const hit = documents.get(key);
  if (hit) return hit;
  const row = await db
    .selectFrom("suite_flow_versions")
    .select("document")
    .where("flow_id", "=", flowId)
    .where("version", "=", version)
    .executeTakeFirst();
  if (!row) return null;
  const doc = JSON.parse(row.document) as FlowDocument;
  if (documents.size >= MAX_CACHED) documents.delete(documents.keys().next().value!);
  documents.set(key, doc);
  return doc;
}

export interface PublishedFlow extends LiveFlow {
  name: string;
  version: number;
  document: FlowDocument;
}

/** The tenant's enabled flows at their published versions (optionally of one trigger type). */
export async function liveFlows(db: Db, tenantId: string, triggerTypes?: string[]): Promise<PublishedFlow[]> {
  let q = db
    .selectFrom("suite_flows")
    .select(["id", "name", "live_version", "created_at"])
    .where("tenant_id", "=", tenantId)
    .where("enabled", "=", 1)
    .where("live_version", "is not", null);
  if (triggerTypes) q = q.where("trigger_type", "in", triggerTypes);
  const rows = await q.execute();
  const out: PublishedFlow[] = [];
  for (const r of rows) {
    const document = await flowDocument(db, r.id, r.live_version!);
    if (document)
      out.push({
        id: r.id,
        name: r.name,
        version: r.live_version!,
        document,
        trigger: document.trigger,
        phoneNumberIds: document.settings?.phone_number_ids,
        createdAt: r.created_at,
      });
  }
  return out;
}
