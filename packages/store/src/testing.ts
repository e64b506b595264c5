import { randomBytes } from "node:crypto";
import pg from "pg";
import { openStore, type Store } from "./connect";

/**
 * A fresh store for one test file: SQLite in memory, or — when OPENWABA_TEST_DATABASE_URL names
 * a PostgreSQL server — a schema of its own there, dropped by `close`.
 */
export async function openTestStore(): Promise<Store & { url: string; schema?: string }> {
  const url = process.env.OPENWABA_TEST_DATABASE_URL;
  if (!url) return { ...(await openStore(":memory:")), url: ":memory:" };
  const schema = `t_${randomBytes(6).toString("hex")}`;
  const store = await openStore(url, { schema });
  return {
    ...store,
    url,
    schema,
    async close() {
      await store.close();
      const c = new pg.Client({ connectionString: url });
      await c.connect();
      try {
        await c.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
      } finally {
        await c.end();
      }
    },
  };
}
