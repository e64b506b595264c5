import type { Db } from "../database";
import type { Dialect } from "../dialect";
import { postgresTenantLock } from "./postgres";
import { sqliteTenantLock } from "./sqlite";

/**
 * Serialises one tenant's writes until the transaction `tx` ends. An interface because the lock is
 * the database's own: an advisory lock on PostgreSQL, nothing on SQLite (one writer anyway); a
 * store without transactional locks would bring one here.
 */
export interface TenantLock {
  lock(tx: Db, tenantId: string): Promise<void>;
}

/** The tenant lock of a store's dialect. */
export function tenantLockFor(dialect: Dialect): TenantLock {
  return dialect === "postgres" ? postgresTenantLock : sqliteTenantLock;
}
