/**
 * The start-up kick-off: entries left pending by an earlier process are settled in the background through
 * the governed Fathom lists; start-up never waits for it and never fails because of it.
 */
import { beforeEach, describe, expect, it, vi } from "vitest";
import { openTestDatabase } from "@/lib/store/db";

const state = vi.hoisted(() => ({ db: null as unknown, fathom: null as unknown, connections: 0 }));
vi.mock("@/lib/store/db", async (importOriginal) => ({
  ...(await importOriginal<typeof import("@/lib/store/db")>()),
  database: async () => {
    if (!state.db) throw new Error("database is not available");
    return state.db;
  },
}));
vi.mock("@/lib/governor/governed-fathom", () => ({
  governedFathom: async () => {
    state.connections += 1;
    return state.fathom;
  },
}));

const holder = globalThis as typeof globalThis & { __soundingAuditReconciliation?: Promise<void> };
const { createAuditLog } = await import("./audit-log");
const { abandonedBefore, ABANDONED_AFTER_MS, startAuditReconciliation } = await import("./reconcile-on-start");

beforeEach(() => {
  delete holder.__soundingAuditReconciliation;
  state.db = null;
  state.fathom = null;
  state.connections = 0;
});

describe("startAuditReconciliation", () => {
  it("settles an entry written before this process started, asking Fathom at the lowest priority", async () => {
    const db = await openTestDatabase();
    state.db = db;
    const listAllMilestones = vi.fn(async () => ({ data: [] }));
    state.fathom = { listAllMilestones, listAllEvents: vi.fn() };
    // Written by "the previous process": before this one started.
    const log = createAuditLog(db, () => new Date("2024-05-01T10:00:00Z"));
    void log.audited({ actor: { id: 1, name: "Ada", email: "ada@example.com" }, action: "milestone.delete", siteId: "CDBUGS", targetId: "m-1", summary: "x" }, () => new Promise<never>(() => {}));
    await expect.poll(async () => (await log.list({ limit: 1 })).entries[0]?.outcome).toBe("pending");
    const info = vi.spyOn(console, "info").mockImplementation(() => {});

    expect(startAuditReconciliation()).toBeUndefined();
    await holder.__soundingAuditReconciliation;
    expect((await log.list({ limit: 1 })).entries[0]?.outcome).toBe("ok");
    expect(listAllMilestones).toHaveBeenCalledWith("CDBUGS", { priority: "poll" });
    expect(state.connections).toBe(1);
    expect(info).toHaveBeenCalledWith(expect.stringContaining("settled 1 write(s) left pending"));
  });

  it("runs once per process, does not connect to Fathom when nothing is pending, and logs a failure instead of throwing", async () => {
    state.db = await openTestDatabase();
    startAuditReconciliation();
    const first = holder.__soundingAuditReconciliation;
    startAuditReconciliation();
    expect(holder.__soundingAuditReconciliation).toBe(first);
    await first;
    expect(state.connections).toBe(0);

    delete holder.__soundingAuditReconciliation;
    state.db = null;
    const logged = vi.spyOn(console, "error").mockImplementation(() => {});
    expect(() => startAuditReconciliation()).not.toThrow();
    await holder.__soundingAuditReconciliation;
    expect(logged).toHaveBeenCalledWith(expect.stringContaining("Could not settle the audit entries left pending: Error: database is not available"));
  });
});

describe("abandonedBefore", () => {
  const started = Date.parse("2026-12-01T10:00:00Z");

  it("alone on its database, takes every entry from before this process started as abandoned", () => {
    expect(abandonedBefore(started, started + 5_000, false)).toEqual(new Date(started));
  });

  it("on a shared database, leaves entries young enough to be another instance's write in flight", () => {
    // Just started: another instance's write from a minute ago may still be waiting for Fathom.
    expect(abandonedBefore(started, started + 1_000, true)).toEqual(new Date(started + 1_000 - ABANDONED_AFTER_MS));
    // Long after the start, the start is the bound again.
    expect(abandonedBefore(started, started + 60 * 60_000, true)).toEqual(new Date(started));
  });
});
