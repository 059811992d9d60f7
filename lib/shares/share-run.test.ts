import { describe, expect, it, vi } from "vitest";
import { ApiError } from "@/lib/api/errors";
import type { Dashboard, Tile } from "@/lib/dashboards/dashboard";
import type { AggregationParams } from "@/lib/query/aggregation-params";
import { defaultReportQuery, type ReportQuery } from "@/lib/query/report-query";
import type { ProviderMeta, ProviderMilestone, ProviderRow, ReportProvider } from "@/lib/reports/provider";
import type { SavedReport } from "@/lib/reports/saved-report";
import type { ShareSettings } from "./share";
import type { LoadedShareTarget } from "./share-run";
import { testPublicShare, testShareSettings } from "./share-test-kit";
import { shareViewSchema } from "./share-view";
import type { PublicShare } from "./shares-service";

const store = vi.hoisted(() => ({ getSavedReport: vi.fn(), getDashboard: vi.fn() }));
vi.mock("@/lib/reports/saved-reports-service", () => ({ getSavedReport: store.getSavedReport }));
vi.mock("@/lib/dashboards/dashboards-service", () => ({ getDashboard: store.getDashboard }));
vi.mock("./shares-service", () => ({ findPublicShare: vi.fn() }));

const { buildShareView, SHARE_TILE_LOAD_PROBLEM, targetVersions } = await import("./share-run");

// Wednesday 15 May 2024, 12:00 in New York.
const NOW = new Date("2024-05-15T16:00:00Z");
const LOCKED_VALUE = "client-only.example";
const OWN_FILTER = "/secret-pricing";

const meta = (patch: Partial<ProviderMeta> = {}): ProviderMeta => ({ fetchedAt: "2024-05-15T15:59:00.000Z", cached: false, stale: false, shared: false, ...patch });

type FakeOptions = { fail?: (params: AggregationParams) => boolean; milestones?: ProviderMilestone[]; meta?: (params: AggregationParams) => Partial<ProviderMeta> };

/** A fake Fathom: one row of figures for every aggregation, recording what it was asked. */
function fakeProvider({ fail, milestones = [], meta: metaOf }: FakeOptions = {}) {
  const calls: Array<{ params: AggregationParams; priority: string; solo?: boolean }> = [];
  const provider: ReportProvider = {
    aggregate: vi.fn(async (params: AggregationParams, { priority, solo }) => {
      calls.push({ params, priority, solo });
      if (fail?.(params)) throw new ApiError(429, "rate_limited", `Fathom refused site ${params.entity_id ?? ""}`);
      const row: ProviderRow = { fields: {}, values: Object.fromEntries(params.aggregates.map((name) => [name, 7])) };
      return { data: [row], meta: meta(metaOf?.(params)) };
    }),
    listSites: async () => ({
      data: [{ id: "CDBUGS", name: "Bugs Bunny Portfolio", timezone: "America/New_York", createdAt: "2022-03-01 10:00:00" }],
      meta: meta({ cached: true }),
    }),
    listEvents: async () => ({ data: [], meta: meta({ cached: true }) }),
    listMilestones: async () => ({ data: milestones, meta: meta({ cached: true }) }),
  };
  return { provider, calls };
}

const person = { id: 1, name: "Ada" };
const ownQuery: ReportQuery = {
  ...defaultReportQuery("CDBUGS"),
  metrics: ["visits", "pageviews"],
  grouping: "none",
  filters: [{ property: "pathname", operator: "is", value: OWN_FILTER }],
};

function savedReport(id: number, patch: Partial<SavedReport> = {}): SavedReport {
  return { id, name: `Report ${id}`, description: "", siteId: "CDBUGS", query: ownQuery, version: 3, owner: person, createdAt: "", updatedAt: "", updatedBy: person, ...patch };
}

function dashboard(tiles: Tile[], patch: Partial<Dashboard["layout"]> = {}): Dashboard {
  return { id: 4, name: "Client board", description: "", layout: { tiles, range: null, filters: [], ...patch }, version: 7, owner: person, createdAt: "", updatedAt: "", updatedBy: person };
}

const settings = (patch: Partial<ShareSettings> = {}): ShareSettings =>
  testShareSettings({
    lockedFilters: [{ property: "hostname", operator: "is", value: LOCKED_VALUE }],
    lockedLabel: "Acme's site only",
    branding: { accent: null, intro: "Hello **Acme**", madeWith: true },
    ...patch,
  });

const share = (patch: Partial<PublicShare> = {}, settingsPatch: Partial<ShareSettings> = {}): PublicShare =>
  testPublicShare({ id: 9, slug: "s".repeat(32), settings: settings(settingsPatch), ...patch });

const loading = (loaded: LoadedShareTarget) => async () => loaded;
const reportTarget = (report = savedReport(12)): LoadedShareTarget => ({ kind: "report", report });

describe("buildShareView", () => {
  it("adds the locked filters to what Fathom is asked, and the view carries neither them nor the query", async () => {
    const { provider, calls } = fakeProvider();
    const view = await buildShareView(share(), null, { provider, now: NOW, load: loading(reportTarget()) });

    expect(calls.length).toBeGreaterThan(0);
    for (const { params, priority, solo } of calls) {
      expect(params.filters).toEqual([
        { property: "pathname", operator: "is", value: OWN_FILTER },
        { property: "hostname", operator: "is", value: LOCKED_VALUE },
      ]);
      expect(priority).toBe("share");
      expect(solo).toBeUndefined();
    }
    const json = JSON.stringify(view);
    for (const forbidden of [LOCKED_VALUE, OWN_FILTER, "CDBUGS", "Bugs Bunny", '"query"', '"filters"']) expect(json).not.toContain(forbidden);
    expect(shareViewSchema.parse(JSON.parse(json))).toEqual(view);
    expect(view).toMatchObject({ title: "Report 12", clientName: "Acme", lockedLabel: "Acme's site only", intro: "Hello **Acme**", stale: false });
    expect(view.tiles).toEqual([
      expect.objectContaining({ kind: "report", id: "report", size: "full", view: "all", title: "Report 12", problem: null }),
    ]);
    expect(view.tiles[0]?.kind === "report" && view.tiles[0].result?.totals).toEqual({ visits: 7, pageviews: 7 });
  });

  it("shows the preset instead of the report's own range", async () => {
    const { provider, calls } = fakeProvider();
    const window = { presets: ["last_month" as const, "last_7_days" as const], defaultPreset: "last_month" as const, floor: null, ceiling: null };
    const view = await buildShareView(share({}, { window }), "last_7_days", { provider, now: NOW, load: loading(reportTarget()) });
    expect(calls[0]?.params).toMatchObject({ date_from: "2024-05-09 00:00:00", date_to: "2024-05-15 23:59:59" });
    expect(view.window).toEqual({ presets: ["last_month", "last_7_days"], current: "last_7_days", startDate: "2024-05-09", endDate: "2024-05-15", cut: null });
  });

  it("cuts the range at the floor and says so", async () => {
    const { provider, calls } = fakeProvider();
    const window = { presets: [], defaultPreset: null, floor: "2024-05-01", ceiling: null };
    const view = await buildShareView(share({}, { window }), null, { provider, now: NOW, load: loading(reportTarget()) });
    // The report's own range is the last 30 days: 16 April to 15 May.
    expect(calls.every(({ params }) => params.date_from === "2024-05-01 00:00:00")).toBe(true);
    expect(view.window).toMatchObject({ startDate: "2024-05-01", endDate: "2024-05-15", cut: "Only dates from May 1, 2024 were shared: the rest of the range is not shown." });
  });

  it("shows nothing of a range entirely before the floor, and asks Fathom nothing for it", async () => {
    const { provider, calls } = fakeProvider();
    const window = { presets: ["last_year" as const], defaultPreset: "last_year" as const, floor: "2024-03-01", ceiling: null };
    const view = await buildShareView(share({}, { window }), "last_year", { provider, now: NOW, load: loading(reportTarget()) });
    expect(calls).toHaveLength(0);
    expect(view.tiles[0]).toMatchObject({ result: null, problem: "Nothing to show: these dates are outside what was shared (from Mar 1, 2024)." });
  });

  it("shows only the chosen milestones", async () => {
    const milestones = [
      { id: "M1", name: "Launch", date: "2024-05-02" },
      { id: "M2", name: "Internal audit", date: "2024-05-03" },
    ];
    const { provider } = fakeProvider({ milestones });
    const load = loading(reportTarget());
    const chosen = await buildShareView(share({}, { milestones: { mode: "chosen", ids: ["M1"] } }), null, { provider, now: NOW, load });
    const none = await buildShareView(share(), null, { provider, now: NOW, load });
    const all = await buildShareView(share({}, { milestones: { mode: "all" } }), null, { provider, now: NOW, load });
    const names = (view: typeof chosen) => (view.tiles[0]?.kind === "report" ? view.tiles[0].result?.milestones.map((m) => m.name) : undefined);
    expect(names(chosen)).toEqual(["Launch"]);
    expect(names(none)).toEqual([]);
    expect(names(all)).toEqual(["Launch", "Internal audit"]);
  });

  it("runs a dashboard's tiles in order with its scope; a deleted report's tile says so, current visitors are left out", async () => {
    const { provider, calls } = fakeProvider();
    const tiles: Tile[] = [
      { kind: "text", id: "intro-1", size: "full", markdown: "## This month" },
      { kind: "report", id: "tile-12", size: "wide", view: "cards", reportId: 12, pinRange: false, pinFilters: false },
      { kind: "current_visitors", id: "live-1", size: "small", site: "CDBUGS" },
      { kind: "report", id: "tile-99", size: "small", view: "chart", reportId: 99, pinRange: false, pinFilters: false },
    ];
    const board = dashboard(tiles, { range: { preset: "this_month" }, filters: [{ property: "country_code", operator: "is", value: "NL" }] });
    const loaded: LoadedShareTarget = { kind: "dashboard", dashboard: board, reports: [savedReport(12)] };
    const view = await buildShareView(share({ target: { kind: "dashboard", id: 4 } }), null, { provider, now: NOW, load: loading(loaded) });

    expect(view.title).toBe("Client board");
    expect(view.tiles.map((tile) => tile.id)).toEqual(["intro-1", "tile-12", "tile-99"]);
    expect(view.tiles[0]).toEqual({ kind: "text", id: "intro-1", size: "full", markdown: "## This month" });
    expect(view.tiles[1]).toMatchObject({ size: "wide", view: "cards", problem: null });
    expect(view.tiles[2]).toMatchObject({ result: null, problem: "This report is no longer part of what was shared." });
    expect(calls[0]?.params).toMatchObject({ date_from: "2024-05-01 00:00:00" });
    expect(calls[0]?.params.filters?.map((filter) => filter.value)).toEqual([OWN_FILTER, "NL", LOCKED_VALUE]);
    expect(JSON.stringify(view)).not.toContain('"NL"');
  });

  it("adds the locked filters and the preset even to a tile that pins its own range and filters", async () => {
    const { provider, calls } = fakeProvider();
    const tiles: Tile[] = [{ kind: "report", id: "pinned", size: "wide", view: "all", reportId: 12, pinRange: true, pinFilters: true }];
    const board = dashboard(tiles, { range: { preset: "this_year" }, filters: [{ property: "country_code", operator: "is", value: "NL" }] });
    const loaded: LoadedShareTarget = { kind: "dashboard", dashboard: board, reports: [savedReport(12)] };
    const window = { presets: ["last_7_days" as const], defaultPreset: "last_7_days" as const, floor: null, ceiling: null };
    await buildShareView(share({ target: { kind: "dashboard", id: 4 } }, { window }), "last_7_days", { provider, now: NOW, load: loading(loaded) });
    expect(calls[0]?.params).toMatchObject({ date_from: "2024-05-09 00:00:00" });
    expect(calls[0]?.params.filters?.map((filter) => filter.value)).toEqual([OWN_FILTER, LOCKED_VALUE]);
  });

  it("turns a tile Fathom refused into a message that names nothing internal; the others still show", async () => {
    const log = vi.spyOn(console, "error").mockImplementation(() => undefined);
    const { provider } = fakeProvider({ fail: (params) => params.aggregates.includes("uniques") });
    const other = savedReport(13, { query: { ...ownQuery, metrics: ["uniques"] } });
    const tiles: Tile[] = [
      { kind: "report", id: "tile-12", size: "wide", view: "all", reportId: 12, pinRange: false, pinFilters: false },
      { kind: "report", id: "tile-13", size: "wide", view: "all", reportId: 13, pinRange: false, pinFilters: false },
    ];
    const loaded: LoadedShareTarget = { kind: "dashboard", dashboard: dashboard(tiles), reports: [savedReport(12), other] };
    const view = await buildShareView(share({ target: { kind: "dashboard", id: 4 } }), null, { provider, now: NOW, load: loading(loaded) });
    expect(view.tiles[0]).toMatchObject({ problem: null });
    expect(view.tiles[1]).toMatchObject({ result: null, problem: SHARE_TILE_LOAD_PROBLEM });
    expect(JSON.stringify(view)).not.toMatch(/CDBUGS|Fathom refused|rate_limited/);
    // The cause is for the server's log, not the client's page.
    expect(log).toHaveBeenCalledWith(expect.stringContaining("Share 9: tile tile-13 could not be run"));
  });

  it("says when the oldest figures were fetched, and whether any is stale", async () => {
    const { provider } = fakeProvider({
      meta: (params) => (params.aggregates.includes("uniques") ? { fetchedAt: "2024-05-15T15:00:00.000Z", stale: true } : {}),
    });
    const other = savedReport(13, { query: { ...ownQuery, metrics: ["uniques"] } });
    const tiles: Tile[] = [12, 13].map((reportId) => ({ kind: "report", id: `tile-${reportId}`, size: "wide", view: "all", reportId, pinRange: false, pinFilters: false }));
    const loaded: LoadedShareTarget = { kind: "dashboard", dashboard: dashboard(tiles), reports: [savedReport(12), other] };
    const view = await buildShareView(share({ target: { kind: "dashboard", id: 4 } }), null, { provider, now: NOW, load: loading(loaded) });
    expect(view).toMatchObject({ fetchedAt: "2024-05-15T15:00:00.000Z", stale: true });
  });

  it("refuses the whole page when the shared report was deleted", async () => {
    store.getSavedReport.mockRejectedValueOnce(new ApiError(404, "report_not_found", "There is no report 12."));
    const { provider } = fakeProvider();
    await expect(buildShareView(share(), null, { provider, now: NOW })).rejects.toMatchObject({ status: 410, code: "share_gone" });
  });
});

describe("targetVersions", () => {
  it("names the report's version, or the dashboard's and each of its reports'", () => {
    expect(targetVersions(reportTarget())).toBe("r12@3");
    expect(targetVersions({ kind: "dashboard", dashboard: dashboard([]), reports: [savedReport(12), savedReport(13, { version: 1 })] })).toBe("d4@7:r12@3,r13@1");
  });
});
