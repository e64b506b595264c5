import type { Db } from "@openwaba/store";

/** The names of the tenant's people who wrote messages (user id → name), for the timeline's senders. */
export async function authorNames(
  db: Db,
  tenantId: string,
  ids: (string | null | undefined)[],
): Promise<Map<string, string>> {
  const wanted = [...new Set(ids.filter((x): x is string => !!x))];
  if (!wanted.length) return new Map();
  const rows = await db
    .selectFrom("suite_users")
    .select(["id", "name"])
    .where("tenant_id", "=", tenantId)
    .where("id", "in", wanted)
    .execute();
  return new Map(rows.map((r) => [r.id, r.name]));
}
