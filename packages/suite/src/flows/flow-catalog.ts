import type { Db } from "@openwaba/store";
import type { Suite } from "../suite";
import type { FlowDocument } from "@openwaba/contracts/suite";
import type { LiveFlow } from "./triggers";

// Flow documents as the runtime reads them. A version never changes once saved (publishing points
// the flow at another version; deleting a flow leaves its versions), so parsed documents are kept
// by (flow, version) for the life of the suite. Each suite has its own: two suites in one process
// (tests) never see each other's documents.

const MAX_CACHED = 2000;
const cached = new WeakMap<Suite, Map<string, FlowDocument>>();

function documentsOf(suite: Suite): Map<string, FlowDocument> {
  const known = cached.get(suite);
  if (known) return known;
  const documents = new Map<string, FlowDocument>();
  cached.set(suite, documents);
  return documents;
}

/**
 * The document of one version of a flow, or null when it has no such version. Read through `db`
 * (the caller's transaction, when it is in one).
 */
export async function flowDocument(
  suite: Suite,
  db: Db,
  p: { flowId: string; version: number },
): Promise<FlowDocument | null> {
  const documents = documentsOf(suite);
  const key = `${p.flowId}@${p.version}`;
  const hit = documents.get(key);
  if (hit) return hit;
  const row = await db
    .selectFrom("suite_flow_versions")
    .select("document")
    .where("flow_id", "=", p.flowId)
    .where("version", "=", p.version)
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

/** The tenant's enabled flows at their published versions (optionally of some trigger types only). */
export async function liveFlows(
  suite: Suite,
  db: Db,
  p: { tenantId: string; triggerTypes?: string[] },
): Promise<PublishedFlow[]> {
  let q = db
    .selectFrom("suite_flows")
    .select(["id", "name", "live_version", "created_at"])
    .where("tenant_id", "=", p.tenantId)
    .where("enabled", "=", 1)
    .where("live_version", "is not", null);
  if (p.triggerTypes) q = q.where("trigger_type", "in", p.triggerTypes);
  const rows = await q.execute();
  const out: PublishedFlow[] = [];
  for (const r of rows) {
    const document = await flowDocument(suite, db, { flowId: r.id, version: r.live_version! });
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
