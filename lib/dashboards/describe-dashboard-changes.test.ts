import { describe, expect, it } from "vitest";
import type { DashboardLayout, Tile } from "./dashboard";
import { describeDashboardChangeList, describeDashboardChanges, tileTitle, type DescribedDashboard } from "./describe-dashboard-changes";

const report = (id: string, reportId: number, overrides: Partial<Extract<Tile, { kind: "report" }>> = {}): Tile => ({
  id,
  kind: "report",
  size: "medium",
  reportId,
  view: "all",
  pinRange: false,
  pinFilters: false,
  ...overrides,
});
const live: Tile = { id: "live-1", kind: "current_visitors", size: "small", site: "CDBUGS" };
const note: Tile = { id: "note-1", kind: "text", size: "full", markdown: "# Weekly numbers\n\nRead *me* first." };
const names: Record<number, string> = { 1: "Blog traffic", 2: "Signups", 3: "Top pages" };
const options = { reportName: (id: number) => names[id], siteName: (id: string) => (id === "CDBUGS" ? "Acme blog" : undefined) };

const version = (layout: Partial<DashboardLayout>, rest: Partial<DescribedDashboard> = {}): DescribedDashboard => ({
  name: "Weekly",
  description: "",
  layout: { tiles: [], range: null, filters: [], ...layout },
  ...rest,
});

describe("describeDashboardChanges", () => {
  it("names the first version and a version that changed nothing", () => {
    expect(describeDashboardChanges(version({}), undefined)).toBe("created");
    expect(describeDashboardChanges(version({}), version({}))).toBe("no changes");
  });

  it("names tiles added and removed by their report, text or site", () => {
    const before = version({ tiles: [report("a-tile", 1), note] });
    const after = version({ tiles: [report("a-tile", 1), report("b-tile", 2), live] });
    expect(describeDashboardChangeList(after, before, options)).toEqual([
      "tile added: Signups",
      "tile added: current visitors on Acme blog",
      "tile removed: text “Weekly numbers”",
    ]);
  });

  it("counts only the tile that was dragged as moved", () => {
    const tiles = [report("a-tile", 1), report("b-tile", 2), report("c-tile", 3), live];
    const before = version({ tiles });
    const after = version({ tiles: [live, ...tiles.slice(0, 3)] });
    expect(describeDashboardChanges(after, before, options)).toBe("tile moved: current visitors on Acme blog");
  });

  it("says how a tile changed", () => {
    const before = version({ tiles: [report("a-tile", 1), live, note] });
    const after = version({
      tiles: [
        report("a-tile", 1, { size: "wide", view: "chart", pinRange: true }),
        { ...live, site: "OTHER" },
        { ...note, markdown: "Changed" },
      ],
    });
    expect(describeDashboardChangeList(after, before, options)).toEqual([
      "tile resized: Blog traffic, medium → wide",
      "tile shows: Blog traffic, cards, chart and table → chart",
      "range pinned: Blog traffic",
      "tile now shows: current visitors on OTHER",
      "text edited: text “Changed”",
    ]);
  });

  it("describes the range, the filters, the name and a restore", () => {
    const germany = { property: "country_code" as const, operator: "is" as const, value: "DE" };
    const before = version({ filters: [germany] }, { name: "Weekly", description: "Old" });
    const after = version(
      { range: { preset: "last_7_days" }, filters: [{ property: "pathname", operator: "is like", value: "/blog" }] },
      { name: "Monday", description: "New", restoredFrom: 2 },
    );
    expect(describeDashboardChangeList(after, before)).toEqual([
      "restored version 2",
      'renamed: "Weekly" → "Monday"',
      "description changed",
      "range: report's own → last 7 days",
      'filter added: Page contains "/blog"',
      'filter removed: Country is "DE"',
    ]);
    expect(describeDashboardChanges(version({ range: { preset: "custom", from: "2024-01-01", to: "2024-01-31" } }), version({})).replace(/\s/g, " ")).toBe(
      "range: report's own → Jan 1 – 31, 2024",
    );
  });

  it("names a tile whose report is gone by its id", () => {
    expect(tileTitle(report("a-tile", 9), options)).toBe("report 9");
    expect(tileTitle({ ...note, markdown: "   " })).toBe("text “empty text”");
  });
});
