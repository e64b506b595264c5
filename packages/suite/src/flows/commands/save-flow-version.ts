import type { Db } from "@openwaba/store";
import { notFound } from "../../errors";
import type { Suite } from "../../suite";
import type { FlowDocument } from "@openwaba/contracts/suite";

export interface SaveFlowVersionProps {
  flowId: string;
  /** Who saved it; null: the suite. */
  userId: string | null;
  /** The new version, checked already; it never changes once saved. */
  document: FlowDocument;
}

/** Saves a document as the flow's next version; the live version stays until published. Returns its number. */
export async function saveFlowVersion(suite: Suite, tx: Db, p: SaveFlowVersionProps): Promise<number> {
  const now = suite.clock.now();
  // Taking the number and counting up in one statement: of two saves at once, each gets its own.
  const f = await tx
    .updateTable("suite_flows")
    .set((e) => ({ latest_version: e("latest_version", "+", 1), name: p.document.name, updated_at: now }))
    .where("id", "=", p.flowId)
    .returning("latest_version")
    .executeTakeFirst();
  if (!f) throw notFound("Flow");
  await tx
    .insertInto("suite_flow_versions")
    .values({
      flow_id: p.flowId,
      version: f.latest_version,
      document: JSON.stringify(p.document),
      created_by: p.userId,
      created_at: now,
    })
    .execute();
  return f.latest_version;
}
