import type { Db } from "./database";

interface Pending {
  fn: (tx: Db) => Promise<unknown>;
  resolve: (v: any) => void;
  reject: (e: unknown) => void;
}

/**
 * Group commit: writes that arrive while a commit is under way share the next transaction, so
 * a burst of concurrent requests pays for one commit instead of one each. Each caller's promise
 * settles only after the transaction holding its writes has committed. If any write of a group
 * fails, the group is rolled back and each write is retried in a transaction of its own, so only
 * the faulty one fails.
 */
export class GroupCommit {
  private pending: Pending[] = [];
  private flushing = false;

  constructor(
    private readonly db: Db,
    private readonly maxGroup = 256,
  ) {}

  run<T>(fn: (tx: Db) => Promise<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.pending.push({ fn, resolve, reject });
      if (!this.flushing) {
        this.flushing = true;
        setImmediate(() => void this.flush());
      }
    });
  }

  private async flush(): Promise<void> {
    while (this.pending.length) {
      const group = this.pending.splice(0, this.maxGroup);
      const results: unknown[] = [];
      try {
        await this.db.transaction().execute(async (tx) => {
          for (const p of group) results.push(await p.fn(tx));
        });
        for (const [i, p] of group.entries()) p.resolve(results[i]);
      } catch {
        for (const p of group) {
          try {
            p.resolve(await this.db.transaction().execute((tx) => p.fn(tx)));
          } catch (err) {
            p.reject(err);
          }
        }
      }
    }
    this.flushing = false;
  }
}
