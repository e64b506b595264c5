import { sql } from "kysely";
import type { Db } from "../database";
import type { Dialect } from "../dialect";
import type { ClaimRequest, Job } from "./job";

/** In an ordered queue only the oldest ready job of each key may be handed out. */
export const headOfKey = (ordered: boolean) =>
  ordered
    ? sql`AND NOT EXISTS (SELECT 1 FROM jobs p WHERE p.queue = j.queue AND p.key = j.key AND p.id < j.id AND p.status = 'ready')`
    : sql``;

/**
 * Claims due jobs in one UPDATE … RETURNING. SQLite runs one writer at a time, so that is the whole
 * claim; on PostgreSQL several nodes claim at once and SKIP LOCKED lets each take other rows.
 */
export async function claimJobs(db: Db, dialect: Dialect, r: ClaimRequest): Promise<Job[]> {
  const lock = dialect === "postgres" ? sql`FOR UPDATE SKIP LOCKED` : sql``;
  const wall = r.wallNow ?? r.now;
  const { rows } = await sql<Job>`
    UPDATE jobs SET claimed_until = ${wall + r.visibilityMs}, attempts = attempts + 1
    WHERE id IN (
      SELECT id FROM jobs j
      WHERE j.queue = ${r.queue} AND j.status = 'ready' AND j.run_at <= ${r.now}
        AND (j.claimed_until IS NULL OR j.claimed_until < ${wall}) ${headOfKey(r.ordered)}
      ORDER BY j.run_at, j.id LIMIT ${r.limit}
      ${lock})
    RETURNING *`.execute(db);
  return rows.map((j) => ({ ...j, id: Number(j.id) })).sort((a, b) => a.id - b.id);
}
