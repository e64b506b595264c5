import pg from "pg";
import { onCleanup } from "./cleanup";

// A schema of its own in the PostgreSQL database for one bench server (the inbox and campaign
// benches), dropped when the bench ends.
export const PG = process.env.OPENWABA_BENCH_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/test";

/** A connection URL whose search_path is a fresh schema. */
export async function pgSchema(): Promise<string> {
  const schema = `bench_${Date.now().toString(36)}`;
  const c = new pg.Client({ connectionString: PG });
  await c.connect();
  await c.query(`CREATE SCHEMA "${schema}"`);
  await c.end();
  onCleanup(`drop schema ${schema}`, async () => {
    const d = new pg.Client({ connectionString: PG });
    await d.connect();
    try {
      await d.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
    } finally {
      await d.end();
    }
  });
  const u = new URL(PG);
  u.searchParams.set("options", `-c search_path=${schema}`);
  return u.toString();
}
