import { join } from "node:path";
import { type Kysely, sql } from "kysely";
import { afterAll, describe, expect, it } from "vitest";
import { declaredSchema } from "./declared-schema";
import { openTestStore } from "./testing";

// The migrations and the Kysely table types are written by hand, apart: this holds them together.
// The store's fresh database (every migration applied) is compared with `Database` as the
// TypeScript compiler reads it from database.ts.
const store = await openTestStore();
afterAll(() => store.close());

interface MigratedColumn {
  nullable: boolean;
  /** Inserts may leave it out: it has a default, counts itself, or is null. */
  omittable: boolean;
}

async function migratedSchema(): Promise<Map<string, Map<string, MigratedColumn>>> {
  const tables = (await store.db.introspection.getTables()).filter(
    // PostgreSQL lists every schema of the database; ours is the test store's own.
    (t) => !t.isView && (store.schema === undefined || t.schema === store.schema),
  );
  // SQLite lets a primary key other than an INTEGER one hold null (a bug it keeps for old
  // databases); our keys are never null, and PostgreSQL, where the same migration says so, enforces it.
  const sqliteKeys =
    store.dialect === "sqlite"
      ? new Set(
          (
            await sql<{ key: string }>`select m.name || '.' || p.name as key
              from sqlite_master m, pragma_table_info(m.name) p where m.type = 'table' and p.pk > 0`.execute(
              store.db as unknown as Kysely<unknown>,
            )
          ).rows.map((r) => r.key),
        )
      : new Set<string>();
  return new Map(
    tables.map((t) => [
      t.name,
      new Map(
        t.columns.map((c) => {
          const nullable = c.isNullable && !sqliteKeys.has(`${t.name}.${c.name}`);
          return [c.name, { nullable, omittable: nullable || c.hasDefaultValue || c.isAutoIncrementing }];
        }),
      ),
    ]),
  );
}

describe(`the migrated schema on ${store.dialect} and the Kysely table types`, async () => {
  const migrated = await migratedSchema();
  const declared = declaredSchema(join(import.meta.dirname, "database.ts"), "Database");

  // What one side names and the other lacks, each way.
  const apart = (types: string[], schema: string[]) => ({
    onlyInTheTypes: types.filter((n) => !schema.includes(n)).sort(),
    onlyInTheSchema: schema.filter((n) => !types.includes(n)).sort(),
  });
  const columnsOf = (s: Map<string, Map<string, unknown>>) =>
    [...s]
      .filter(([t]) => declared.has(t) && migrated.has(t))
      .flatMap(([t, cs]) => [...cs.keys()].map((c) => `${t}.${c}`));

  it("has the same tables", () => {
    expect(apart([...declared.keys()], [...migrated.keys()])).toEqual({ onlyInTheTypes: [], onlyInTheSchema: [] });
  });

  it("has the same columns in every table", () => {
    expect(apart(columnsOf(declared), columnsOf(migrated))).toEqual({ onlyInTheTypes: [], onlyInTheSchema: [] });
  });

  it("types a column as possibly null exactly when the schema lets it be null", () => {
    const disagreements: string[] = [];
    for (const [table, columns] of declared) {
      for (const [name, column] of columns) {
        const actual = migrated.get(table)?.get(name);
        if (actual && actual.nullable !== column.nullable)
          disagreements.push(`${table}.${name}: ${actual.nullable ? "nullable" : "NOT NULL"} in the schema`);
      }
    }
    expect(disagreements).toEqual([]);
  });

  it("lets inserts leave out only columns the schema fills in (a default, a sequence or null)", () => {
    const unfilled: string[] = [];
    for (const [table, columns] of declared) {
      for (const [name, column] of columns) {
        const actual = migrated.get(table)?.get(name);
        if (actual && column.optionalOnInsert && !actual.omittable) unfilled.push(`${table}.${name}`);
      }
    }
    expect(unfilled).toEqual([]);
  });
});
