import type { ColumnType } from "kysely";

// The one vocabulary of the store's table types (database.ts, suite-tables.ts). Kysely reads a
// column's select, insert and update types from these; schema.both.test.ts holds them to the schema.

/** Epoch milliseconds: every time in the store (int8 in PostgreSQL, integer in SQLite). */
export type Millis = number;

/** JSON as text, written and read by json.ts. */
export type Json = string;

/** A column that may be null and that inserts may leave out: it is then null. */
export type NullByDefault<T> = ColumnType<T | null, T | null | undefined, T | null>;

/** A NOT NULL column with a default in the schema: inserts may leave it out. */
export type Defaulted<T> = ColumnType<T, T | undefined, T>;

/** A key the database counts itself (a PostgreSQL sequence, SQLite's INTEGER PRIMARY KEY). */
export type { Generated } from "kysely";
