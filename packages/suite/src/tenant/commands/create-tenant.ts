import type { Db } from "@openwaba/store";

/** A new tenant with no settings yet. */
export async function createTenant(db: Db, p: { id: string; name: string; at: number }): Promise<void> {
  await db.insertInto("suite_tenants").values({ id: p.id, name: p.name, settings: "{}", created_at: p.at }).execute();
}
