import { readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { defineConfig, type TestProjectInlineConfiguration } from "vitest/config";

const root = fileURLToPath(new URL("./", import.meta.url));

/** What a test file says when it runs against the store: such a file runs on both engines. */
const OPENS_A_STORE = /\b(openTestDatabase|documentsTestDatabase|documentsRouteTest)\b/;
/**
 * Store-backed tests that stay on SQLite: the backup ones are about SQLite files (`npm run backup`/`restore`),
 * and governor-persistence lets the store answer within one `settle()` (a single setImmediate), which only
 * a synchronous driver does.
 */
const SQLITE_ONLY = /^lib\/store\/backup|^lib\/governor\/governor-persistence\.test\.ts$/;

/** How long DOM tests wait for what a user would see (lib/testing/dom-waits.ts). */
const DOM_WAITS = "lib/testing/dom-waits.ts";

/** The test files that open a test database (found by what they call, so a new one is not forgotten). */
function storeBackedTests(): string[] {
  return ["app", "lib", "scripts"].flatMap((dir) =>
    readdirSync(new URL(`./${dir}`, import.meta.url), { recursive: true, encoding: "utf8" })
      .map((file) => `${dir}/${file.replaceAll("\\", "/")}`)
      .filter((file) => /\.test\.tsx?$/.test(file) && !SQLITE_ONLY.test(file))
      .filter((file) => OPENS_A_STORE.test(readFileSync(new URL(`./${file}`, import.meta.url), "utf8"))),
  );
}

const projects: TestProjectInlineConfiguration[] = [
  {
    extends: true,
    test: { name: "unit", include: ["{app,components,lib,scripts}/**/*.test.{ts,tsx}"], setupFiles: [DOM_WAITS], sequence: { groupOrder: 0 } },
  },
];

// `TEST_DATABASE_URL=postgres://… npx vitest run --project postgres`: the store's tests once more, on
// PostgreSQL, each test database a schema of its own there (lib/store/test-postgres.ts).
if (process.env.TEST_DATABASE_URL) {
  projects.push({
    extends: true,
    test: {
      name: "postgres",
      include: storeBackedTests(),
      env: { SOUNDING_TEST_ENGINE: "postgres" },
      setupFiles: [DOM_WAITS, "lib/store/test-postgres-setup.ts"],
      // Every test migrates a schema of its own, one at a time (the migrator holds an advisory lock): more
      // workers than cores only makes them wait on each other. A worker count of its own needs a group of
      // its own: it runs after the unit project.
      maxWorkers: 2,
      sequence: { groupOrder: 1 },
    },
  });
}

export default defineConfig({
  resolve: {
    alias: {
      "@": root,
      // `server-only` throws outside a React Server Components bundle; unit tests run server code directly.
      "server-only": fileURLToPath(new URL("./lib/testing/server-only-stub.ts", import.meta.url)),
    },
  },
  test: {
    environment: "node",
    restoreMocks: true,
    testTimeout: 20_000,
    projects,
  },
});
