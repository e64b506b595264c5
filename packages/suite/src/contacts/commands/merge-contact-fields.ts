import type { Db } from "@openwaba/store";
import type { Suite } from "../../suite";
import { saveContact } from "./save-contact";

export interface MergeContactFieldsProps {
  tenantId: string;
  waId: string;
  /** Attributes to set (cut to 1,000 characters); null removes one. */
  attributes: Record<string, string | null>;
  /** Tags to add and to remove (any case; tags are lower-case). */
  tags?: { add?: string[]; remove?: string[] };
  /** Where the change comes from (e.g. `flow:<name>`). */
  source: string;
}

/** What a bot learnt of a customer, merged into their contact (made if there is none). */
export async function mergeContactFields(suite: Suite, tx: Db, p: MergeContactFieldsProps): Promise<void> {
  if (!Object.keys(p.attributes).length && !p.tags) return;
  const k = await tx
    .selectFrom("suite_contacts")
    .select(["attributes", "tags"])
    .where("tenant_id", "=", p.tenantId)
    .where("wa_id", "=", p.waId)
    .executeTakeFirst();
  const attributes: Record<string, string> = { ...(k ? JSON.parse(k.attributes) : {}) };
  for (const [name, v] of Object.entries(p.attributes)) {
    if (v === null) delete attributes[name];
    else attributes[name] = v.slice(0, 1000);
  }
  const remove = new Set((p.tags?.remove ?? []).map((t) => t.toLowerCase()));
  const tags = [...(k ? (JSON.parse(k.tags) as string[]) : []), ...(p.tags?.add ?? [])]
    .map((t) => t.toLowerCase())
    .filter((t) => !remove.has(t));
  await saveContact(suite, tx, {
    tenantId: p.tenantId,
    contact: { wa_id: p.waId, attributes, tags },
    source: p.source,
    replaceLists: true,
  });
}
