import type { Db } from "@openwaba/store";

/** A tenant's connections to the Cloud API (one per WABA), oldest first: the first is its default. */
export const tenantConnections = (db: Db, tenantId: string) =>
  db
    .selectFrom("suite_connections")
    .select(["id", "waba_id"])
    .where("tenant_id", "=", tenantId)
    .orderBy("created_at")
    .orderBy("id")
    .execute();
