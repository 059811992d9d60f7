import "server-only";
import path from "node:path";
import SQLite from "better-sqlite3";
import { Kysely, Migrator, sql, SqliteDialect, type MigrationProvider, type SqliteDatabase } from "kysely";
import pg from "pg";
import { getServerConfig } from "@/lib/config/server-config";
import { isPostgres } from "./engine";
import { CurrentSchemaPostgresDialect } from "./postgres-dialect";
import { MIGRATIONS } from "./migrations/index-list";
import { redactedUrl } from "./redacted-url";
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

const INT8_OID = 20;
const NUMERIC_OID = 1700;

/**
 * pg gives bigint (what `count(*)` and a sum of integers answer, and the epoch-ms columns) and numeric (a
 * sum of bigints) as strings, so as not to round past 2^53; SQLite gives numbers, and the repositories are
 * written for numbers. No count or time here comes near 2^53. Per pool, so no other user of pg is changed.
 */
function numberTypes(): pg.CustomTypesConfig {
  const types = new pg.TypeOverrides();
  types.setTypeParser(INT8_OID, "text", Number);
  types.setTypeParser(NUMERIC_OID, "text", Number);
  return types;
}

/** `text` with the URL's password (as written, and decoded) replaced by `***`, in case a driver message quotes it. */
function withoutPassword(text: string, url: string): string {
  let password = "";
  try {
    password = new URL(url).password;
  } catch {
    return text;
  }
  if (!password) return text;
  let decoded = password;
  try {
    decoded = decodeURIComponent(password);
  } catch {
    // A password that does not decode is only ever written as is.
  }
  return [password, decoded].reduce((scrubbed, secret) => scrubbed.split(secret).join("***"), text);
}

const IDENTIFIER = /^[a-z_][a-z0-9_]*$/;

/**
 * A Kysely handle over a pool of PostgreSQL connections (at most 10 per instance). `schema`, when given,
 * is the first schema of every connection's search_path (tests give each database a schema of its own).
 */
export function openPostgres(url: string, options: { schema?: string } = {}): Kysely<Database> {
  if (options.schema !== undefined && !IDENTIFIER.test(options.schema)) {
    throw new Error(`Not a plain schema name: ${JSON.stringify(options.schema)}`);
  }
  const pool = new pg.Pool({
    connectionString: url,
    max: 10,
    // A server that cannot be reached fails start-up (and a request) with a message instead of hanging.
    connectionTimeoutMillis: 10_000,
    types: numberTypes(),
    ...(options.schema === undefined ? {} : { options: `-c search_path=${options.schema}` }),
  });
  // An idle connection the server drops must not end the process (pg emits it on the pool); the next query reconnects.
  pool.on("error", (error) => console.error(`[sounding] A PostgreSQL connection failed: ${withoutPassword(error.message, url)}`));
  return new Kysely<Database>({ dialect: new CurrentSchemaPostgresDialect({ pool }) });
}

/**
 * The schema Kysely's migration tables live in on PostgreSQL: the connection's own, named explicitly so
 * the migrator never takes another schema's migration table (another app's, another test's) for its own.
 */
async function currentSchema(db: Kysely<Database>): Promise<string> {
  const { rows } = await sql<{ schema: string | null }>`select current_schema() as schema`.execute(db);
  const schema = rows[0]?.schema;
  if (!schema) throw new Error("No schema of the search_path exists on this PostgreSQL database: create one, or set search_path.");
  return schema;
}

/**
 * Runs every pending migration (or, for a test of a migration, those up to and including `through`);
 * idempotent. Throws with the failing migration's name.
 */
export async function migrate(db: Kysely<Database>, through?: string): Promise<void> {
  const migrator = new Migrator({ db, provider, ...(isPostgres(db) ? { migrationTableSchema: await currentSchema(db) } : {}) });
  const { error, results } = await (through === undefined ? migrator.migrateToLatest() : migrator.migrateTo(through));
  const failed = results?.find((result) => result.status === "Error");
  if (error) {
    const what = failed ? `Database migration ${failed.migrationName} failed` : "Database migrations could not run";
    throw new Error(`${what}: ${error instanceof Error ? error.message : String(error)}`);
  }
}

/**
 * A fresh database with every migration applied (none with `migrated: false`, to test a migration), for
 * unit tests: SQLite in memory, or, when SOUNDING_TEST_ENGINE=postgres, a schema of its own on
 * TEST_DATABASE_URL (lib/store/test-postgres.ts).
 */
export async function openTestDatabase(options: { migrated?: boolean } = {}): Promise<Kysely<Database>> {
  const db =
    process.env.SOUNDING_TEST_ENGINE === "postgres"
      ? // Loaded only here, so the server never loads test code.
        await (await import("./test-postgres")).openTestPostgres()
      : openDatabase(":memory:");
  if (options.migrated !== false) await migrate(db);
  return db;
}

const holder = globalThis as typeof globalThis & { __soundingDb?: Promise<Kysely<Database>> };

/** Opens and migrates the PostgreSQL store; a failure says where (password hidden) and leaves no pool open. */
async function openPostgresStore(url: string): Promise<Kysely<Database>> {
  const db = openPostgres(url);
  try {
    await migrate(db);
    return db;
  } catch (error) {
    await db.destroy().catch(() => {});
    const message = error instanceof Error ? error.message : String(error);
    throw new Error(`The store on PostgreSQL (${redactedUrl(url)}) could not be opened: ${withoutPassword(message, url)}`);
  }
}

/**
 * The process-wide database, migrated before first use: PostgreSQL when DATABASE_URL is set (shared by
 * every instance), else `DATA_DIR/sounding.db`. Kept on `globalThis` so separately bundled route handlers
 * and development reloads share one connection (or pool).
 */
export function database(): Promise<Kysely<Database>> {
  holder.__soundingDb ??= (async () => {
    const config = getServerConfig();
    if (config.DATABASE_URL !== undefined) return openPostgresStore(config.DATABASE_URL);
    const db = openDatabase(path.join(config.dataDir, "sounding.db"));
    await migrate(db);
    return db;
  })();
  return holder.__soundingDb;
}

/** Opens and migrates the process-wide database now: start-up calls it, so a failing migration stops the server. */
export async function prepareDatabase(): Promise<void> {
  await database();
}
