import { randomBytes } from "node:crypto";
import pg from "pg";

/**
 * A PostgreSQL URL whose connections live in a fresh schema, when OPENWABA_TEST_DATABASE_URL is
 * set (the pg project); null means SQLite.
 */
export async function testDatabaseUrl(): Promise<{ url: string | null; drop(): Promise<void> }> {
  const base = process.env.OPENWABA_TEST_DATABASE_URL;
  if (!base) return { url: null, drop: async () => {} };
  const schema = `t_${randomBytes(6).toString("hex")}`;
  const c = new pg.Client({ connectionString: base });
  await c.connect();
  await c.query(`CREATE SCHEMA "${schema}"`);
  await c.end();
  const u = new URL(base);
  u.searchParams.set("options", `-c search_path=${schema}`);
  return {
    url: u.toString(),
    async drop() {
      const d = new pg.Client({ connectionString: base });
      await d.connect();
      try {
        await d.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
      } finally {
        await d.end();
      }
    },
  };
}
