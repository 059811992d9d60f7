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

const { startServer } = await import("./start");

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
