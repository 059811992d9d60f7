/**
 * Setup file of the vitest project "postgres" (vitest.config.ts): every test database a test opened is
 * destroyed, and its schema dropped, when the test ends (its own `afterEach` hooks have run by then: setup
 * hooks are the outermost); those opened outside a test, when the file ends. Without it each test would
 * keep a pool of connections until its file ended, and PostgreSQL allows only so many.
 */
import { afterAll, afterEach, beforeEach } from "vitest";
import { destroyTestDatabases, setTestScope } from "./test-database-registry";

beforeEach(() => setTestScope("test"));

afterEach(async () => {
  setTestScope("file");
  await destroyTestDatabases("test");
});

afterAll(() => destroyTestDatabases("file"));
