import { beforeEach, describe, expect, it, vi } from "vitest";

const state = vi.hoisted(() => ({ steps: [] as string[], migration: null as Error | null }));
vi.mock("@/lib/config/server-config", () => ({
  getServerConfig: () => ({ dataDir: "/data", FATHOM_API_TOKEN: undefined, FATHOM_API_BASE_URL: "https://api.usefathom.com/v1" }),
}));
vi.mock("@/lib/store/db", () => ({
  prepareDatabase: async () => {
    state.steps.push("database");
    if (state.migration) throw state.migration;
  },
}));
vi.mock("./pid-file", () => ({ writePidFile: () => state.steps.push("pid file") }));
vi.mock("@/lib/audit/reconcile-on-start", () => ({ startAuditReconciliation: () => state.steps.push("reconciliation") }));

const { describeLayout, startServer, where } = await import("./start");

beforeEach(() => {
  state.steps = [];
  state.migration = null;
  vi.spyOn(console, "info").mockImplementation(() => {});
});

describe("startServer", () => {
  it("migrates the database before anything else, then writes the pid file and starts settling the audit log", async () => {
    await startServer();
    expect(state.steps).toEqual(["database", "pid file", "reconciliation"]);
  });

  it("stops the process with a message when the database cannot be migrated", async () => {
    state.migration = new Error("Database migration 007-x failed: boom");
    const exit = vi.spyOn(process, "exit").mockImplementation(() => undefined as never);
    const error = vi.spyOn(console, "error").mockImplementation(() => {});
    await startServer();
    expect(error).toHaveBeenCalledWith("[sounding] Start-up failed: Database migration 007-x failed: boom");
    expect(exit).toHaveBeenCalledWith(1);
    expect(state.steps).toEqual(["database"]);
  });
});

describe("what start-up says about the layout", () => {
  it("never repeats a password or user name from the URLs", () => {
    expect(where("postgres://sounding:hunter2-secret@db.internal:5432/sounding")).toBe("db.internal:5432/sounding");
    expect(where("redis://:cache-secret@cache.internal:6379")).toBe("cache.internal:6379");
    const line = describeLayout({
      dataDir: "/srv/sounding",
      DATABASE_URL: "postgres://sounding:hunter2-secret@db.internal:5432/sounding",
      REDIS_URL: "redis://:cache-secret@cache.internal:6379/2",
    });
    expect(line).toBe(
      "Store: PostgreSQL at db.internal:5432/sounding. Fathom budget and answers: shared with the other instances through Redis at cache.internal:6379/2.",
    );
    expect(line).not.toMatch(/secret|sounding:/);
  });

  it("names the embedded default when neither is set", () => {
    expect(describeLayout({ dataDir: "/srv/sounding", DATABASE_URL: undefined, REDIS_URL: undefined })).toBe(
      "Store: SQLite in /srv/sounding. Fathom budget and answers: kept in this process (set REDIS_URL to run several instances).",
    );
  });
});
