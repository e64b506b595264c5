export type Dialect = "sqlite" | "postgres";

/** The column type of epoch milliseconds: int8 in PostgreSQL (beyond int4), integer in SQLite. */
export const millisColumn = (dialect: Dialect) => (dialect === "postgres" ? "bigint" : "integer");
