/**
 * Which store `database()` opens (PostgreSQL when DATABASE_URL is set, else SQLite in DATA_DIR), that a
 * PostgreSQL URL's password never shows, and that both engines give counts and epoch-ms columns as numbers.
 */
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { sql, type Kysely } from "kysely";
import { afterEach, describe, expect, it, vi } from "vitest";
import { isPostgres } from "./engine";
import { MIGRATIONS } from "./migrations/index-list";

const config = vi.hoisted(() => ({ DATABASE_URL: undefined as string | undefined, dataDir: "" }));
vi.mock("@/lib/config/server-config", () => ({ getServerConfig: () => config }));
const { database, openTestDatabase } = await import("./db");
const { redactedUrl } = await import("./redacted-url");

const holder = globalThis as { __soundingDb?: Promise<Kysely<unknown>> };
const folders: string[] = [];
afterEach(async () => {
  const db = await holder.__soundingDb?.catch(() => undefined);
  delete holder.__soundingDb;
  await db?.destroy();
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

describe("database()", () => {
  it("keeps SQLite in DATA_DIR when DATABASE_URL is unset", async () => {
    config.DATABASE_URL = undefined;
    config.dataDir = mkdtempSync(path.join(tmpdir(), "sounding-db-"));
    folders.push(config.dataDir);
    expect(isPostgres(await database())).toBe(false);
    expect(existsSync(path.join(config.dataDir, "sounding.db"))).toBe(true);
  });

  it("says which PostgreSQL it could not open, with the password as ***", async () => {
    config.DATABASE_URL = "postgres://sounding:s3cret-pw@127.0.0.1:1/sounding";
    const error: unknown = await database().catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).message).toContain("The store on PostgreSQL (postgres://sounding:***@127.0.0.1:1/sounding) could not be opened");
    expect((error as Error).message).not.toContain("s3cret-pw");
  });

  // Defined only in the postgres project (TEST_DATABASE_URL): the SQLite run has no server to open.
  const onPostgres = process.env.SOUNDING_TEST_ENGINE === "postgres" ? it : () => undefined;
  onPostgres("opens and migrates PostgreSQL when DATABASE_URL is set", async () => {
    const test = await openTestDatabase({ migrated: false });
    const { rows } = await sql<{ schema: string }>`select current_schema() as schema`.execute(test);
    const url = new URL(process.env.TEST_DATABASE_URL!);
    url.searchParams.set("options", `-c search_path=${rows[0]!.schema}`);
    config.DATABASE_URL = url.toString();
    const db = await database();
    expect(isPostgres(db)).toBe(true);
    const applied = await db.selectFrom("kysely_migration" as never).select(sql<string>`name`.as("name")).execute();
    expect(applied.map((row) => row.name)).toEqual(Object.keys(MIGRATIONS));
  });
});

describe("redactedUrl", () => {
  it("hides the password and nothing else", () => {
    expect(redactedUrl("postgres://sounding:p%40ss@db.internal:5432/sounding?sslmode=require")).toBe("postgres://sounding:***@db.internal:5432/sounding?sslmode=require");
    expect(redactedUrl("postgres://sounding@db.internal/sounding")).toBe("postgres://sounding@db.internal/sounding");
    expect(redactedUrl("not a url")).not.toContain("not a url");
  });
});

describe("the test database", () => {
  it("gives counts, sums and epoch milliseconds as numbers, on either engine", async () => {
    const db = await openTestDatabase();
    await db.insertInto("answer_cache").values({ key: "k", value: "1", fetched_at: 4_102_444_800_000, expires_at: 4_102_444_800_001, tags: "[]" }).execute();
    await db.insertInto("upstream_usage").values([{ day: "2026-05-01", class: "reports", count: 2 }, { day: "2026-05-02", class: "reports", count: 3 }]).execute();
    const cached = await db.selectFrom("answer_cache").select(["fetched_at", "expires_at"]).executeTakeFirstOrThrow();
    expect(cached).toEqual({ fetched_at: 4_102_444_800_000, expires_at: 4_102_444_800_001 });
    const totals = await db
      .selectFrom("upstream_usage")
      .select((eb) => [eb.fn.countAll().as("rows"), eb.fn.sum("count").as("calls")])
      .executeTakeFirstOrThrow();
    expect(totals).toEqual({ rows: 2, calls: 5 });
    const big = await sql<{ total: unknown }>`select sum(fetched_at) as total from answer_cache`.execute(db);
    expect(big.rows[0]?.total).toBe(4_102_444_800_000);
  });
});
