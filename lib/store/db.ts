import "server-only";
import path from "node:path";
import SQLite from "better-sqlite3";
import { Kysely, Migrator, SqliteDialect, type MigrationProvider, type SqliteDatabase } from "kysely";
import { getServerConfig } from "@/lib/config/server-config";
import { MIGRATIONS } from "./migrations/index-list";
import type { Database } from "./schema";

const provider: MigrationProvider = { getMigrations: async () => MIGRATIONS };

const MAX_STATEMENTS = 500;

/**
 * better-sqlite3 with its statements kept: Kysely prepares every query it runs, and compiling the SQL was a
 * seventh of a cached share answer's time (a CPU profile of `npm run bench:load`). The app's queries are a
 * few hundred shapes, so each is compiled once (bounded: past the limit the cache starts again). `iterate`
 * gets a statement of its own, since a statement being iterated cannot run anything else meanwhile.
 */
export function withKeptStatements(sqlite: SQLite.Database): SqliteDatabase {
  const kept = new Map<string, SQLite.Statement>();
  return {
    close: () => sqlite.close(),
    prepare(sql: string) {
      let statement = kept.get(sql);
      if (!statement) {
        statement = sqlite.prepare(sql);
        if (kept.size >= MAX_STATEMENTS) kept.clear();
        kept.set(sql, statement);
      }
      const shared = statement;
      return {
        reader: shared.reader,
        all: (parameters: ReadonlyArray<unknown>) => shared.all(parameters),
        run: (parameters: ReadonlyArray<unknown>) => shared.run(parameters),
        iterate: (parameters: ReadonlyArray<unknown>) => sqlite.prepare(sql).iterate(parameters),
      };
    },
  };
}

/** Opens (creating if needed) the SQLite database file and returns a Kysely handle. */
export function openDatabase(file: string): Kysely<Database> {
  const sqlite = new SQLite(file);
  sqlite.pragma("journal_mode = WAL");
  sqlite.pragma("busy_timeout = 5000");
  sqlite.pragma("foreign_keys = ON");
  return new Kysely<Database>({ dialect: new SqliteDialect({ database: withKeptStatements(sqlite) }) });
}

/** Runs every pending migration; idempotent. Throws with the failing migration's name. */
export async function migrate(db: Kysely<Database>): Promise<void> {
  const migrator = new Migrator({ db, provider });
  const { error, results } = await migrator.migrateToLatest();
  const failed = results?.find((result) => result.status === "Error");
  if (error) {
    throw new Error(`Database migration ${failed?.migrationName ?? ""} failed: ${(error as Error).message ?? String(error)}`);
  }
}

/** A fresh in-memory database with every migration applied: for unit tests. */
export async function openTestDatabase(): Promise<Kysely<Database>> {
  const db = openDatabase(":memory:");
  await migrate(db);
  return db;
}

const holder = globalThis as typeof globalThis & { __soundingDb?: Promise<Kysely<Database>> };

/**
 * The process-wide database, `DATA_DIR/sounding.db`, migrated before first use. Kept on `globalThis` so
 * separately bundled route handlers and development reloads share one connection.
 */
export function database(): Promise<Kysely<Database>> {
  holder.__soundingDb ??= (async () => {
    const db = openDatabase(path.join(getServerConfig().dataDir, "sounding.db"));
    await migrate(db);
    return db;
  })();
  return holder.__soundingDb;
}

/** Opens and migrates the process-wide database now: start-up calls it, so a failing migration stops the server. */
export async function prepareDatabase(): Promise<void> {
  await database();
}
