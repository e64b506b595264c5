import { sql } from "kysely";
import type { Db } from "../database";
import type { ClaimRequest, Job } from "./job";

// SQLite runs one writer at a time, so the UPDATE … RETURNING is the whole claim.
export async function claimSqlite(db: Db, r: ClaimRequest): Promise<Job[]> {
  const head = r.ordered
    ? sql`AND NOT EXISTS (SELECT 1 FROM jobs p WHERE p.queue = j.queue AND p.key = j.key AND p.id < j.id AND p.status = 'ready')`
    : sql``;
  const { rows } = await sql<Job>`
    UPDATE jobs SET claimed_until = ${r.now + r.visibilityMs}, attempts = attempts + 1
    WHERE id IN (
      SELECT id FROM jobs j
      WHERE j.queue = ${r.queue} AND j.status = 'ready' AND j.run_at <= ${r.now}
        AND (j.claimed_until IS NULL OR j.claimed_until < ${r.now}) ${head}
      ORDER BY j.run_at, j.id LIMIT ${r.limit})
    RETURNING *`.execute(db);
  return rows.sort((a, b) => a.id - b.id);
}
