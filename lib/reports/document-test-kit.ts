/**
 * For unit tests of saved reports and dashboards: a migrated test database (SQLite in memory, or a schema
 * of its own on PostgreSQL in the postgres project) with three people in it
 * (the ids and names of route-test-kit's `testUser`), a clock that ticks a minute per reading, and the
 * audit log and version counts read back. Not for production code.
 */
import { sql, type Kysely } from "kysely";
import { beforeEach } from "vitest";
import { testUser } from "@/lib/api/route-test-kit";
import type { User } from "@/lib/auth/users";
import { defaultReportQuery, type ReportQuery } from "@/lib/query/report-query";
import { openTestDatabase } from "@/lib/store/db";
import { isPostgres } from "@/lib/store/engine";
import type { Database } from "@/lib/store/schema";

export async function documentsTestDatabase() {
  const db: Kysely<Database> = await openTestDatabase();
  const people = { admin: testUser("admin"), editor: testUser("editor"), viewer: testUser("viewer") };
  await db
    .insertInto("users")
    .values(Object.values(people).map((user: User) => ({ id: user.id, email: user.email, name: user.name, role: user.role, password_hash: "-", created_at: user.createdAt })))
    .execute();
  // PostgreSQL's identity does not move past ids given explicitly (SQLite's AUTOINCREMENT does): move it.
  if (isPostgres(db)) await sql`select setval(pg_get_serial_sequence('users', 'id'), (select max(id) from users))`.execute(db);
  let tick = Date.parse("2026-05-01T10:00:00.000Z");
  const now = () => new Date((tick += 60_000));
  const audit = async () =>
    db.selectFrom("audit_log").select(["action", "target_id", "site_id", "summary", "outcome", "actor_name"]).orderBy("id").execute();
  const counts = async () => {
    const count = async (table: "saved_reports" | "saved_report_versions" | "dashboards" | "dashboard_versions" | "audit_log") =>
      Number((await db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow()).n);
    return {
      reports: await count("saved_reports"),
      reportVersions: await count("saved_report_versions"),
      dashboards: await count("dashboards"),
      dashboardVersions: await count("dashboard_versions"),
      audit: await count("audit_log"),
    };
  };
  /** Makes every insert into `table` fail, as a full disk or a broken constraint would (a trigger: tests only). */
  const breakInserts = async (table: "audit_log" | "saved_report_versions" | "dashboard_versions") => {
    const trigger = sql.id(`broken_${table}`);
    if (!isPostgres(db)) {
      await sql`CREATE TRIGGER ${trigger} BEFORE INSERT ON ${sql.table(table)} BEGIN SELECT RAISE(ABORT, 'disk full'); END`.execute(db);
      return;
    }
    // In the test database's own schema (the first of its search_path), so no other test sees it.
    await sql`CREATE OR REPLACE FUNCTION refuse_insert() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'disk full'; END $$`.execute(db);
    await sql`CREATE TRIGGER ${trigger} BEFORE INSERT ON ${sql.table(table)} FOR EACH ROW EXECUTE FUNCTION refuse_insert()`.execute(db);
  };
  return { db, people, now, audit, counts, breakInserts, database: async () => db };
}

/** The state a route test's `vi.mock` factories read: who is signed in, and the database `database()` answers. */
export type RouteTestState = { user: User | null; db: unknown };

/**
 * For the saved-report and dashboard route tests: before each test, a fresh documents database goes into
 * `state.db` and the editor signs in as `state.user`. Each test file still creates `state` with
 * `vi.hoisted` and mocks `@/lib/auth/session` and `@/lib/store/db` itself, because Vitest hoists
 * `vi.mock` within its own file and recommends it only in test files. Call it at the top level of a test
 * file; `counts` reads the current test's database.
 */
export function documentsRouteTest(state: RouteTestState) {
  let kit: Awaited<ReturnType<typeof documentsTestDatabase>>;
  beforeEach(async () => {
    kit = await documentsTestDatabase();
    state.db = kit.db;
    state.user = testUser("editor");
  });
  return { counts: () => kit.counts() };
}

/** A valid report query of a site, with changes. */
export const reportQuery = (site = "CDBUGS", change: Partial<ReportQuery> = {}): ReportQuery => ({ ...defaultReportQuery(site), ...change });
