/**
 * Dashboards on a real (in-memory) database: versions as for saved reports, and the rule that a new report
 * tile must name a saved report that exists and is not deleted, while a tile already on the board is kept
 * when its report is deleted later.
 */
import { describe, expect, it } from "vitest";
import { documentsTestDatabase, reportQuery } from "@/lib/reports/document-test-kit";
import { newSavedReportSchema } from "@/lib/reports/saved-report";
import { createSavedReportsService } from "@/lib/reports/saved-reports-service";
import { dashboardChangeSchema, dashboardListSchema, dashboardSchema, newDashboardSchema, type DashboardLayout, type Tile } from "./dashboard";
import { createDashboardsService } from "./dashboards-service";

const reportTile = (id: string, reportId: number): Tile => ({ id, kind: "report", size: "medium", reportId, view: "all", pinRange: false, pinFilters: false });
const textTile = (id: string, markdown = "# Hello"): Tile => ({ id, kind: "text", size: "wide", markdown });
const layout = (...tiles: Tile[]): DashboardLayout => ({ tiles, range: null, filters: [] });

async function setup() {
  const kit = await documentsTestDatabase();
  const deps = { db: kit.database, now: kit.now };
  const service = createDashboardsService(deps);
  const reports = createSavedReportsService(deps);
  const { editor } = kit.people;
  const report = async (name: string) => (await reports.createSavedReport(editor, newSavedReportSchema.parse({ name, query: reportQuery() }))).id;
  const create = (body: unknown) => service.createDashboard(editor, newDashboardSchema.parse(body));
  const change = (id: number, body: unknown) => service.changeDashboard(editor, id, dashboardChangeSchema.parse(body));
  return { ...kit, service, reports, editor, report, create, change };
}

describe("dashboards", () => {
  it("creates a dashboard with its tiles and answers it with the saved reports they show", async () => {
    const { service, report, create, audit } = await setup();
    const blog = await report("Blog");
    const shop = await report("Shop");
    const board = await create({ name: "Weekly", layout: layout(reportTile("tile-a1", shop), textTile("tile-b2"), reportTile("tile-c3", blog), reportTile("tile-d4", shop)) });
    expect(dashboardSchema.parse(board)).toEqual(board);
    expect(board).toMatchObject({ name: "Weekly", version: 1, owner: { name: "Eddie" } });
    const { dashboard, reports } = await service.getDashboard(board.id);
    expect(dashboard).toEqual(board);
    expect(reports.map((saved) => saved.name)).toEqual(["Shop", "Blog"]);
    expect((await audit()).at(-1)).toMatchObject({ action: "dashboard.create", site_id: "", target_id: String(board.id), summary: "Created dashboard “Weekly”" });
  });

  it("creates an empty dashboard when no layout is given, and lists dashboards with their tile counts", async () => {
    const { service, create, change } = await setup();
    const empty = await create({ name: "Empty" });
    const full = await create({ name: "Notes", layout: layout(textTile("tile-a1"), textTile("tile-b2")) });
    await change(empty.id, { description: "touched" });
    const list = await service.listDashboards();
    expect(dashboardListSchema.parse({ dashboards: list }).dashboards).toEqual(list);
    expect(list.map((item) => [item.id, item.tileCount])).toEqual([
      [empty.id, 0],
      [full.id, 2],
    ]);
    expect(list[0]).not.toHaveProperty("layout");
  });

  it("refuses a tile of a saved report that does not exist or was deleted, naming the tile, and changes nothing", async () => {
    const { create, report, reports, editor, counts } = await setup();
    const deleted = await report("Old");
    await reports.deleteSavedReport(editor, deleted);
    const before = await counts();
    const refused = create({ name: "Board", layout: layout(textTile("tile-a1"), textTile("tile-b2"), reportTile("tile-c3", deleted), reportTile("tile-d4", 999)) });
    await expect(refused).rejects.toMatchObject({
      status: 400,
      code: "unknown_report",
      message: `Tile 3: saved report ${deleted} was deleted`,
      extra: {
        fields: {
          "layout.tiles.2.reportId": [`Tile 3: saved report ${deleted} was deleted`],
          "layout.tiles.3.reportId": ["Tile 4: there is no saved report 999"],
        },
      },
    });
    expect(await counts()).toEqual(before);
  });

  it("keeps a tile whose report was deleted after it was added, so the board can still be reordered and saved", async () => {
    const { service, create, change, report, reports, editor, counts } = await setup();
    const kept = await report("Kept");
    const doomed = await report("Doomed");
    const board = await create({ name: "Board", layout: layout(reportTile("tile-a1", kept), reportTile("tile-b2", doomed)) });
    await reports.deleteSavedReport(editor, doomed);
    expect((await service.getDashboard(board.id)).reports.map((saved) => saved.id)).toEqual([kept]);
    const reordered = await change(board.id, { layout: layout(reportTile("tile-b2", doomed), reportTile("tile-a1", kept)), baseVersion: 1 });
    expect(reordered.version).toBe(2);
    expect(reordered.layout.tiles.map((tile) => tile.id)).toEqual(["tile-b2", "tile-a1"]);
    const before = await counts();
    // The same deleted report in a new tile, or the old tile pointed at it anew, is refused.
    await expect(change(board.id, { layout: layout(reportTile("tile-b2", doomed), reportTile("tile-new9", doomed)) })).rejects.toMatchObject({
      code: "unknown_report",
      message: `Tile 2: saved report ${doomed} was deleted`,
    });
    await expect(change(board.id, { layout: layout(reportTile("tile-a1", doomed)) })).rejects.toMatchObject({ code: "unknown_report" });
    expect(await counts()).toEqual(before);
  });

  it("keeps versions, refuses a stale base with 409, and treats an unchanged save as no version", async () => {
    const { service, create, change, counts } = await setup();
    const board = await create({ name: "Board", layout: layout(textTile("tile-a1", "one")) });
    await change(board.id, { layout: layout(textTile("tile-a1", "two")), baseVersion: 1 });
    const before = await counts();
    await expect(change(board.id, { name: "Mine", baseVersion: 1 })).rejects.toMatchObject({ status: 409, code: "dashboard_changed" });
    expect(await change(board.id, { name: "Board", layout: layout(textTile("tile-a1", "two")), baseVersion: 1 })).toMatchObject({ version: 2 });
    expect(await counts()).toEqual(before);
    const history = await service.dashboardHistory(board.id);
    expect(history.map((version) => [version.version, (version.layout.tiles[0] as { markdown: string }).markdown])).toEqual([
      [2, "two"],
      [1, "one"],
    ]);
  });

  it("restores an old version (even one whose report was deleted since) as a new version", async () => {
    const { service, create, change, report, reports, editor, audit } = await setup();
    const gone = await report("Gone");
    const board = await create({ name: "Board", layout: layout(reportTile("tile-a1", gone)) });
    await change(board.id, { layout: layout() });
    await reports.deleteSavedReport(editor, gone);
    const restored = await service.restoreDashboardVersion(editor, board.id, 1);
    expect(restored).toMatchObject({ version: 3, layout: layout(reportTile("tile-a1", gone)) });
    expect((await service.dashboardHistory(board.id))[0]).toMatchObject({ version: 3, restoredFrom: 1 });
    expect((await audit()).at(-1)).toMatchObject({ action: "dashboard.restore", site_id: "" });
    await expect(service.restoreDashboardVersion(editor, board.id, 7)).rejects.toMatchObject({ status: 404, code: "version_not_found" });
  });

  it("duplicates, deletes softly and undoes the delete", async () => {
    const { service, create, editor, audit } = await setup();
    const board = await create({ name: "Board", layout: layout(textTile("tile-a1")) });
    const copy = await service.duplicateDashboard(editor, board.id);
    expect(copy).toMatchObject({ name: "Copy of Board", version: 1, layout: board.layout });
    expect(await service.deleteDashboard(editor, board.id)).toEqual({ id: board.id, deleted: true });
    await expect(service.getDashboard(board.id)).rejects.toMatchObject({
      status: 404,
      code: "dashboard_not_found",
      message: `There is no dashboard ${board.id}. It may have been deleted.`,
    });
    expect((await service.listDashboards()).map((item) => item.id)).toEqual([copy.id]);
    expect(await service.undeleteDashboard(editor, board.id)).toMatchObject({ id: board.id });
    expect((await audit()).map((entry) => entry.action)).toEqual(["dashboard.create", "dashboard.create", "dashboard.delete", "dashboard.undelete"]);
  });

  it("writes a change and its audit entry together: when the audit entry fails, nothing is saved", async () => {
    const { create, change, counts, breakInserts, service, editor } = await setup();
    const board = await create({ name: "Board" });
    await breakInserts("audit_log");
    const before = await counts();
    await expect(change(board.id, { name: "Never" })).rejects.toThrow("disk full");
    await expect(service.deleteDashboard(editor, board.id)).rejects.toThrow("disk full");
    expect(await counts()).toEqual(before);
    expect(await service.getDashboard(board.id)).toMatchObject({ dashboard: { name: "Board", version: 1 } });
  });
});
