import type { Db } from "@openwaba/store";
import { lockTenant } from "./realtime/tenant-lock";
import type { Suite } from "./suite";

// The suite's one way to open a transaction. What others must hear of a change — the consoles'
// streams, the workers of jobs it queued — is told after the commit by the transaction itself,
// never by hand at the call site: a worker or stream woken before the commit finds nothing and
// sleeps, and one that is never woken waits for its next poll.

const afterCommits = new WeakMap<Db, Map<string, () => void>>();
const NOTIFY = "realtime bus";

/**
 * Runs `fn` in one transaction and, once it has committed, what it registered with `afterCommit`
 * and the realtime bus (streams look for new events; workers woken by the bus look for jobs).
 * Nothing runs after a rollback. `tenantId`: the tenant's lock is taken first, as every writer of
 * that tenant's conversations, contacts and events does (no deadlocks, events in sequence order).
 */
export async function suiteTransaction<T>(
  suite: Suite,
  fn: (tx: Db) => Promise<T>,
  o: { tenantId?: string } = {},
): Promise<T> {
  const after = new Map<string, () => void>();
  const out = await suite.db.transaction().execute(async (tx) => {
    afterCommits.set(tx, after);
    if (o.tenantId) await lockTenant(suite, tx, o.tenantId);
    return fn(tx);
  });
  // The bus wakes the streams and the job workers: every commit may have queued work for them.
  after.set(NOTIFY, () => suite.bus.notify());
  for (const [what, run] of after) {
    try {
      run();
    } catch (err) {
      suite.log.error({ err, what }, "after-commit work failed");
    }
  }
  return out;
}

/** A transaction of one tenant: its lock first (see `suiteTransaction`). */
export function tenantTransaction<T>(suite: Suite, tenantId: string, fn: (tx: Db) => Promise<T>): Promise<T> {
  return suiteTransaction(suite, fn, { tenantId });
}

/**
 * Runs `run` once the transaction `tx` has committed (once per `key`, however often registered).
 * Outside a transaction the write has committed already: it runs at once.
 */
export function afterCommit(tx: Db, key: string, run: () => void): void {
  if (!tx.isTransaction) {
    run();
    return;
  }
  const after = afterCommits.get(tx);
  if (!after) throw new Error("afterCommit: the transaction was not opened by suiteTransaction");
  after.set(key, run);
}

/** Consoles hear of events written in `tx` once it commits (at once when `tx` is no transaction). */
export function notifyAfterCommit(suite: Suite, tx: Db): void {
  afterCommit(tx, NOTIFY, () => suite.bus.notify());
}
