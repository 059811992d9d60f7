/**
 * `openTestDatabase()` on PostgreSQL (SOUNDING_TEST_ENGINE=postgres, TEST_DATABASE_URL set): each call
 * gets a schema of its own, `t_<time>_<random hex>`, as the search_path of its own pool, to be migrated
 * like a new database, so tests running at once never see each other's rows. Destroying the handle drops the
 * schema; the postgres project's setup file destroys what a test left open. Schemas a crashed run left
 * behind are dropped by the next run once they are an hour old (not sooner: another run may share the server).
 */
import { randomBytes } from "node:crypto";
import { sql, type Kysely } from "kysely";
import pg from "pg";
import { openPostgres } from "./db";
import { redactedUrl } from "./redacted-url";
import type { Database } from "./schema";
import { forgetTestDatabase, registerTestDatabase } from "./test-database-registry";

const STALE_AFTER_MS = 60 * 60 * 1000;
const SCHEMA = /^t_([0-9a-z]+)_[0-9a-f]+$/;

const holder = globalThis as typeof globalThis & { __soundingStaleSchemasDropped?: Promise<void> };

/** Drops the test schemas older than an hour. Best effort: a failure here must not fail the tests. */
async function dropStaleSchemas(url: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  try {
    await client.connect();
    const { rows } = await client.query<{ name: string }>(String.raw`select nspname as name from pg_namespace where nspname like 't\_%'`);
    const cutOff = Date.now() - STALE_AFTER_MS;
    for (const { name } of rows) {
      const stamp = SCHEMA.exec(name)?.[1];
      if (stamp === undefined || parseInt(stamp, 36) >= cutOff) continue;
      await client.query(`drop schema if exists "${name}" cascade`);
    }
  } catch (error) {
    console.warn(`[test] Could not drop stale test schemas on ${redactedUrl(url)}: ${error instanceof Error ? error.message : String(error)}`);
  } finally {
    await client.end().catch(() => {});
  }
}

/** An empty schema of its own (the caller migrates it), dropped when the handle is destroyed. */
export async function openTestPostgres(): Promise<Kysely<Database>> {
  const url = process.env.TEST_DATABASE_URL;
  if (!url) throw new Error("SOUNDING_TEST_ENGINE=postgres needs TEST_DATABASE_URL (postgres://…) to say which server to test on.");
  await (holder.__soundingStaleSchemasDropped ??= dropStaleSchemas(url));

  const schema = `t_${Date.now().toString(36)}_${randomBytes(6).toString("hex")}`;
  const db = openPostgres(url, { schema });
  const destroyPool = db.destroy.bind(db);
  let destroyed: Promise<void> | undefined;
  db.destroy = () =>
    (destroyed ??= (async () => {
      forgetTestDatabase(db);
      try {
        await sql`drop schema if exists ${sql.id(schema)} cascade`.execute(db);
      } finally {
        await destroyPool();
      }
    })());
  registerTestDatabase(db);
  await sql`create schema ${sql.id(schema)}`.execute(db);
  return db;
}
