import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import SQLite from "better-sqlite3";
import { Kysely, PostgresDialect, SqliteDialect } from "kysely";
import pg from "pg";
import type { Database, Db } from "./database";
import type { Dialect } from "./dialect";
import { migrateToLatest } from "./migrations";

export interface Store {
  db: Db;
  dialect: Dialect;
  close(): Promise<void>;
}

// int8 → number: our int8 columns are epoch milliseconds and counters, far below 2^53.
pg.types.setTypeParser(20, (v) => Number.parseInt(v, 10));

/** Opens the store named by `url`: a postgres:// URL, or a SQLite file path (":memory:" for tests). */
export async function openStore(url: string, opts: { schema?: string } = {}): Promise<Store> {
  if (/^postgres(ql)?:\/\//.test(url)) {
    if (opts.schema) {
      // Tests get a schema of their own so that runs never see each other's rows.
      const admin = new pg.Client({ connectionString: url });
      await admin.connect();
      try {
        await admin.query(`CREATE SCHEMA IF NOT EXISTS "${opts.schema}"`);
      } finally {
        await admin.end();
      }
    }
    const pool = new pg.Pool({
      connectionString: url,
      max: 10,
      options: opts.schema ? `-c search_path=${opts.schema}` : undefined,
    });
    const db: Db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
    await migrateToLatest(db, "postgres", opts.schema ?? searchPathOf(url) ?? "public");
    return { db, dialect: "postgres", close: () => db.destroy() };
  }
  if (url !== ":memory:") mkdirSync(dirname(url), { recursive: true });
  const file = new SQLite(url);
  file.pragma("journal_mode = WAL");
  file.pragma("synchronous = NORMAL");
  file.pragma("busy_timeout = 5000");
  const db: Db = new Kysely<Database>({ dialect: new SqliteDialect({ database: withStatementCache(file) }) });
  await migrateToLatest(db, "sqlite");
  return { db, dialect: "sqlite", close: () => db.destroy() };
}

/**
 * Kysely prepares every query anew; better-sqlite3 statements can be reused, and preparing is a
 * large share of a hot path's cost. Keeps statements by SQL text; the oldest go first when full
 * (the hot ones are few and are prepared again at once).
 */
function withStatementCache(file: SQLite.Database, size = 500) {
  const cache = new Map<string, SQLite.Statement>();
  return {
    close: () => file.close(),
    prepare(sqlText: string) {
      let st = cache.get(sqlText);
      if (st) return st;
      st = file.prepare(sqlText);
      cache.set(sqlText, st);
      if (cache.size > size) cache.delete(cache.keys().next().value!);
      return st;
    },
  };
}

/** The schema a postgres:// URL selects with `options=-c search_path=…`, if any. */
function searchPathOf(url: string): string | undefined {
  const options = new URL(url).searchParams.get("options") ?? "";
  return /search_path=([A-Za-z0-9_]+)/.exec(options)?.[1];
}
