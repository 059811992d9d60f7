/**
 * The PostgreSQL test databases still open in this test worker, so the postgres project's setup file
 * (lib/store/test-postgres-setup.ts) can destroy them, and drop their schemas, without each test having
 * to: one opened during a test goes when that test ends, one opened outside any test (a `beforeAll`, a
 * mock factory) when its file ends. On `globalThis`, so a test that re-imports modules still shares it.
 */

export type TestScope = "test" | "file";
type Destroyable = { destroy(): Promise<void> };
type Registry = { scope: TestScope; open: Map<Destroyable, TestScope> };

const holder = globalThis as typeof globalThis & { __soundingTestDatabases?: Registry };
const registry = (): Registry => (holder.__soundingTestDatabases ??= { scope: "file", open: new Map() });

/** Whether a test is running now (set by the setup file around each test and its hooks). */
export function setTestScope(scope: TestScope): void {
  registry().scope = scope;
}

/** Keeps `db` to be destroyed at the end of the current test, or of the file when no test is running. */
export function registerTestDatabase(db: Destroyable): void {
  registry().open.set(db, registry().scope);
}

export function forgetTestDatabase(db: Destroyable): void {
  registry().open.delete(db);
}

/** Destroys the databases opened during the test that just ended ("test"), or every one left ("file"). */
export async function destroyTestDatabases(scope: TestScope): Promise<void> {
  const doomed = [...registry().open].filter(([, opened]) => scope === "file" || opened === "test").map(([db]) => db);
  await Promise.all(doomed.map((db) => db.destroy()));
}
