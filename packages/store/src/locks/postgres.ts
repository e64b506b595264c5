import { sql } from "kysely";
import type { TenantLock } from "./tenant-lock";

/** A transaction-scoped advisory lock on the tenant id's hash: released by the commit or rollback. */
export const postgresTenantLock: TenantLock = {
  async lock(tx, tenantId) {
    await sql`select pg_advisory_xact_lock(hashtext(${tenantId}))`.execute(tx);
  },
};
