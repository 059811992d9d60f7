import { beforeEach, describe, expect, it, vi } from "vitest";
import { ApiError } from "@/lib/api/errors";
import { defaultReportQuery } from "@/lib/query/report-query";
import type { ReportProvider } from "@/lib/reports/provider";
import type { SavedReport } from "@/lib/reports/saved-report";
import { testPublicShare } from "./share-test-kit";
import type { PublicShare } from "./shares-service";

const state = vi.hoisted(() => ({ findPublicShare: vi.fn(), recordShareView: vi.fn(), getSavedReport: vi.fn(), aggregate: vi.fn(), targetStamp: vi.fn() }));

vi.mock("./shares-service", () => ({ findPublicShare: state.findPublicShare, recordShareView: state.recordShareView }));
vi.mock("@/lib/reports/saved-reports-service", () => ({ getSavedReport: state.getSavedReport }));
vi.mock("@/lib/dashboards/dashboards-service", () => ({ getDashboard: vi.fn() }));
// The versions of what is shared, read from the store on every request (./target-stamp.ts has its own tests).
vi.mock("./target-stamp", () => ({ recentTargetStamp: state.targetStamp }));
vi.mock("@/lib/config/server-config", async () => {
  const { parseEnv } = await import("@/lib/config/env");
  return { getServerConfig: () => ({ ...parseEnv({}), appSecret: "a-test-app-secret-with-32-characters-or-more" }) };
});
vi.mock("@/lib/fathom/report-provider", () => {
  const meta = { fetchedAt: "2024-05-15T15:59:00.000Z", cached: false, stale: false, shared: false };
  const provider: ReportProvider = {
    aggregate: state.aggregate,
    listSites: async () => ({ data: [{ id: "CDBUGS", name: "Bugs", timezone: "UTC", createdAt: "2022-01-01" }], meta }),
    listEvents: async () => ({ data: [], meta }),
    listMilestones: async () => ({ data: [], meta }),
  };
  return { fathomReportProvider: async () => provider };
});

const { loadSharePage } = await import("./share-page");
const { unlockLimiter } = await import("./unlock-limiter");

const NOW = new Date("2024-05-15T16:00:00Z");
const SLUG = "Pa9ePa9ePa9ePa9ePa9ePa9ePa9ePa9e";
let nextId = 900;

function share(patch: Partial<PublicShare> = {}): PublicShare {
  return testPublicShare(
    { id: nextId++, slug: SLUG, hasLogo: true, ...patch },
    {
      window: { presets: ["last_month", "last_7_days"], defaultPreset: "last_month", floor: null, ceiling: null },
      branding: { accent: "#1d4ed8", intro: "", madeWith: false },
    },
  );
}

const report: SavedReport = {
  id: 12,
  name: "Traffic",
  description: "",
  siteId: "CDBUGS",
  query: { ...defaultReportQuery("CDBUGS"), grouping: "none" },
  version: 1,
  owner: { id: 1, name: "Ada" },
  createdAt: "",
  updatedAt: "",
  updatedBy: { id: 1, name: "Ada" },
};

const open = (patch: Partial<Parameters<typeof loadSharePage>[1]> = {}) =>
  loadSharePage(SLUG, { range: undefined, unlockCookie: undefined, address: "203.0.113.9", now: NOW, ...patch });

beforeEach(() => {
  state.findPublicShare.mockReset();
  state.recordShareView.mockReset().mockResolvedValue(undefined);
  state.getSavedReport.mockReset().mockResolvedValue(report);
  state.targetStamp.mockReset().mockResolvedValue("r12@1");
  state.aggregate.mockReset().mockResolvedValue({ data: [{ fields: {}, values: { visits: 1 } }], meta: { fetchedAt: NOW.toISOString(), cached: false, stale: false, shared: false } });
});

describe("loadSharePage", () => {
  it("shows the figures with the default range, counting the view; a second viewer is served from the cache", async () => {
    state.findPublicShare.mockResolvedValue(share());
    const first = await open();
    expect(first.kind === "view" && first.view.window.current).toBe("last_month");
    const calls = state.aggregate.mock.calls.length;
    await open();
    expect(state.aggregate).toHaveBeenCalledTimes(calls);
    expect(state.recordShareView).toHaveBeenCalledTimes(2);
  });

  it("refuses a range that was not shared, listing those that were, without asking Fathom or counting a view", async () => {
    state.findPublicShare.mockResolvedValue(share());
    for (const range of ["this_year", ["last_month", "last_7_days"]]) {
      expect(await open({ range })).toEqual({
        kind: "bad_range",
        branding: { clientName: "Acme", accent: "#1d4ed8", hasLogo: true, madeWith: false },
        message: "This link shows Last month or Last 7 days only.",
        presets: ["last_month", "last_7_days"],
      });
    }
    expect(state.aggregate).not.toHaveBeenCalled();
    expect(state.recordShareView).not.toHaveBeenCalled();
  });

  it("asks for the password, says when the last one was wrong, and says how long a locked-out address must wait", async () => {
    const locked = share({ passwordHash: "scrypt$…" });
    state.findPublicShare.mockResolvedValue(locked);
    expect(await open()).toMatchObject({ kind: "locked", error: null, retryMinutes: null });
    expect(await open({ unlock: "wrong" })).toMatchObject({ kind: "locked", error: "wrong" });
    for (let i = 0; i < 5; i++) unlockLimiter().reserve(locked.id, "203.0.113.9");
    expect(await open()).toMatchObject({ kind: "locked", error: "locked", retryMinutes: 15 });
    expect(await open({ address: "198.51.100.7" })).toMatchObject({ kind: "locked", error: null });
    expect(state.recordShareView).not.toHaveBeenCalled();
  });

  it("says why a link shows nothing", async () => {
    state.findPublicShare.mockResolvedValueOnce(share({ state: "paused" }));
    expect(await open()).toEqual({
      kind: "refused",
      reason: "paused",
      title: "This link is paused",
      message: "The team that sent it has paused it for now. Ask them when it will be back.",
    });
    state.findPublicShare.mockResolvedValueOnce(share({ state: "revoked" }));
    expect(await open()).toMatchObject({ kind: "refused", reason: "revoked", title: "This link was turned off" });
    expect(await loadSharePage("bad", { range: undefined, unlockCookie: undefined, address: "x", now: NOW })).toMatchObject({ reason: "not_found" });
    expect(state.findPublicShare).toHaveBeenCalledTimes(2);
  });

  it("says the shared report is gone when it was deleted", async () => {
    state.findPublicShare.mockResolvedValue(share());
    state.targetStamp.mockResolvedValue(null);
    expect(await open()).toMatchObject({ kind: "refused", reason: "gone", title: "The shared report is no longer available" });
    // Deleted between the stamp and the computation: the same page.
    state.findPublicShare.mockResolvedValue(share());
    state.targetStamp.mockResolvedValue("r12@2");
    state.getSavedReport.mockRejectedValue(new ApiError(404, "report_not_found", "There is no report 12."));
    expect(await open()).toMatchObject({ kind: "refused", reason: "gone" });
    expect(state.aggregate).not.toHaveBeenCalled();
  });

  it("computes a new view when the shared report changes, and serves the kept one until then", async () => {
    state.findPublicShare.mockResolvedValue(share());
    await open();
    const calls = state.aggregate.mock.calls.length;
    await open();
    expect(state.aggregate).toHaveBeenCalledTimes(calls);
    state.targetStamp.mockResolvedValue("r12@2");
    await open();
    expect(state.aggregate.mock.calls.length).toBeGreaterThan(calls);
  });
});
