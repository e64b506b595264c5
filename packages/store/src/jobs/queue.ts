import { sql } from "kysely";
import type { Db } from "../database";
import type { Dialect } from "../dialect";
import { toJson } from "../json";
import { claimJobs, headOfKey } from "./claim";
import type { ClaimRequest, Job, NewJob } from "./job";

/**
 * The outbox and work queue in one table. Commands enqueue inside their own transaction
 * (pass the transaction as `db`), so a job exists exactly when the state change it reports does.
 */
export class JobQueue {
  constructor(
    private readonly db: Db,
    readonly dialect: Dialect,
  ) {}

  async enqueue(db: Db, jobs: NewJob | NewJob[]): Promise<void> {
    const list = Array.isArray(jobs) ? jobs : [jobs];
    if (list.length === 0) return;
    await db
      .insertInto("jobs")
      .values(
        list.map((j) => ({
          queue: j.queue,
          key: j.key,
          kind: j.kind,
          payload: toJson(j.payload),
          run_at: j.runAt,
          claimed_until: null,
          last_error: null,
          created_at: j.createdAt ?? j.runAt,
        })),
      )
      .execute();
  }

  /** Which of these keys have ready (not dead) jobs in the queue: work still waiting its turn. */
  async keysWaiting(queue: string, keys: string[]): Promise<Set<string>> {
    if (keys.length === 0) return new Set();
    const any = await this.db
      .selectFrom("jobs")
      .select("id")
      .where("queue", "=", queue)
      .where("status", "=", "ready")
      .limit(1)
      .executeTakeFirst();
    if (!any) return new Set();
    const rows = await this.db
      .selectFrom("jobs")
      .select("key")
      .distinct()
      .where("queue", "=", queue)
      .where("status", "=", "ready")
      .where("key", "in", keys)
      .execute();
    return new Set(rows.map((r) => r.key));
  }

  /** Makes a kind's ready jobs due now (a receiver that answers again should not wait out its backoff). */
  async bringForward(queue: string, kind: string, now: number): Promise<number> {
    const r = await this.db
      .updateTable("jobs")
      .set({ run_at: now })
      .where("queue", "=", queue)
      .where("status", "=", "ready")
      .where("run_at", ">", now)
      .where("kind", "=", kind)
      .executeTakeFirst();
    return Number(r.numUpdatedRows);
  }

  /** Like enqueue, answering the new jobs' ids (to complete them later by id). */
  async enqueueReturningIds(db: Db, jobs: NewJob[]): Promise<number[]> {
    if (jobs.length === 0) return [];
    const rows = await db
      .insertInto("jobs")
      .values(
        jobs.map((j) => ({
          queue: j.queue,
          key: j.key,
          kind: j.kind,
          payload: toJson(j.payload),
          run_at: j.runAt,
          claimed_until: null,
          last_error: null,
          created_at: j.createdAt ?? j.runAt,
        })),
      )
      .returning("id")
      .execute();
    return rows.map((r) => Number(r.id));
  }

  /** Puts a claimed job back for `runAt` without counting a failure (its outcome is not known yet). */
  async release(ids: number[], runAt: number): Promise<void> {
    if (ids.length)
      await this.db.updateTable("jobs").set({ run_at: runAt, claimed_until: null }).where("id", "in", ids).execute();
  }

  claim(r: ClaimRequest): Promise<Job[]> {
    return claimJobs(this.db, this.dialect, r);
  }

  async complete(ids: number[]): Promise<void> {
    if (ids.length) await this.db.deleteFrom("jobs").where("id", "in", ids).execute();
  }

  /**
   * Puts a failed job back for `runAt`. In an ordered queue the jobs queued behind it for the
   * same key wait at least as long, so that a claim never has to step over them.
   */
  async retry(job: Job, runAt: number, error: string, ordered: boolean): Promise<void> {
    await this.db.transaction().execute(async (tx) => {
      await tx
        .updateTable("jobs")
        .set({ run_at: runAt, claimed_until: null, last_error: error.slice(0, 2000) })
        .where("id", "=", job.id)
        .execute();
      if (ordered) {
        await tx
          .updateTable("jobs")
          .set({ run_at: runAt })
          .where("queue", "=", job.queue)
          .where("key", "=", job.key)
          .where("id", ">", job.id)
          .where("status", "=", "ready")
          .where("run_at", "<", runAt)
          .execute();
      }
    });
  }

  /** Frees every claim: for a store that only this process uses, after a crash. */
  async releaseAllClaims(): Promise<number> {
    const r = await this.db
      .updateTable("jobs")
      .set({ claimed_until: null })
      .where("claimed_until", "is not", null)
      .executeTakeFirst();
    return Number(r.numUpdatedRows);
  }

  /** Gives up on a job: it stays as a dead letter until redriven. */
  async bury(job: Job, error: string): Promise<void> {
    await this.db
      .updateTable("jobs")
      .set({ status: "dead", claimed_until: null, last_error: error.slice(0, 2000) })
      .where("id", "=", job.id)
      .execute();
  }

  /** Hands dead letters out again (all of a queue, or those listed) with fresh attempts. */
  async redrive(queue: string, now: number, filter: { ids?: number[]; keyPrefix?: string } = {}): Promise<number> {
    let q = this.db
      .updateTable("jobs")
      .set({ status: "ready", run_at: now, attempts: 0, claimed_until: null })
      .where("queue", "=", queue)
      .where("status", "=", "dead");
    if (filter.ids) q = q.where("id", "in", filter.ids.length ? filter.ids : [-1]);
    if (filter.keyPrefix) q = q.where("key", "like", `${filter.keyPrefix}%`);
    const res = await q.executeTakeFirst();
    return Number(res.numUpdatedRows);
  }

  async list(
    queue: string,
    status: "ready" | "dead",
    opts: { keyPrefix?: string; limit?: number } = {},
  ): Promise<Job[]> {
    let q = this.db.selectFrom("jobs").selectAll().where("queue", "=", queue).where("status", "=", status);
    if (opts.keyPrefix) q = q.where("key", "like", `${opts.keyPrefix}%`);
    const rows = await q
      .orderBy("id")
      .limit(opts.limit ?? 100)
      .execute();
    return rows.map((r) => ({ ...r, id: Number(r.id) })) as Job[];
  }

  /**
   * Earliest time a ready job of the queue becomes due (for sleeping workers), or null. In an
   * ordered queue only the head of each key counts: a job queued behind a failing head is not
   * due before it, whatever its own run_at says.
   */
  async nextRunAt(queue: string, ordered = false): Promise<number | null> {
    const { rows } = await sql<{
      t: number | null;
    }>`SELECT min(run_at) AS t FROM jobs j WHERE j.queue = ${queue} AND j.status = 'ready' ${headOfKey(ordered)}`.execute(
      this.db,
    );
    const t = rows[0]?.t;
    return t == null ? null : Number(t);
  }

  /** Depth and age of each queue, for /metrics. */
  async stats(now: number): Promise<{ queue: string; status: string; depth: number; oldestAgeMs: number }[]> {
    const rows = await this.db
      .selectFrom("jobs")
      .select(["queue", "status", sql<number>`count(*)`.as("n"), sql<number>`min(created_at)`.as("oldest")])
      .groupBy(["queue", "status"])
      .execute();
    return rows.map((r) => ({
      queue: r.queue,
      status: r.status,
      depth: Number(r.n),
      oldestAgeMs: Math.max(0, now - Number(r.oldest)),
    }));
  }
}
