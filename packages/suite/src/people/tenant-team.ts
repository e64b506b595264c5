import type { Db } from "@openwaba/store";

/** A team of the tenant, or null (another tenant's team looks like none). */
export async function tenantTeam(db: Db, p: { tenantId: string; teamId: string }): Promise<{ id: string } | null> {
  return (
    (await db
      .selectFrom("suite_teams")
      .select("id")
      .where("id", "=", p.teamId)
      .where("tenant_id", "=", p.tenantId)
      .executeTakeFirst()) ?? null
  );
}
