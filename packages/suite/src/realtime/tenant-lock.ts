import { tenantLockFor, type Db } from "@openwaba/store";
import type { Suite } from "../suite";

/**
 * Serialises a tenant's suite writes until the transaction ends (the store's lock of its dialect:
 * PostgreSQL's advisory lock; SQLite has one writer anyway). Events then commit in the order of
 * their sequence numbers — a stream that has seen event n never misses a smaller one committed
 * later — and a console's send and the webhook reporting its first tick cannot pass each other unseen.
 */
export async function lockTenant(suite: Suite, tx: Db, tenantId: string): Promise<void> {
  await tenantLockFor(suite.dialect).lock(tx, tenantId);
}
