import { PostgresAdapter, type Kysely } from "kysely";

/**
 * Which database a Kysely handle talks to. The store runs on SQLite (DATA_DIR) or PostgreSQL
 * (DATABASE_URL); the few places where the two must be told apart (column types in migrations, row locks)
 * ask here, from the handle itself, so a transaction or a `withPlugin` copy answers as its database does.
 */
export type Engine = "sqlite" | "postgres";

export function engineOf<DB>(db: Kysely<DB>): Engine {
  return db.getExecutor().adapter instanceof PostgresAdapter ? "postgres" : "sqlite";
}

export const isPostgres = <DB>(db: Kysely<DB>): boolean => engineOf(db) === "postgres";
