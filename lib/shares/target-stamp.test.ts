/**
 * The cheap versions read on every share request must say exactly what loading the documents says
 * (./share-run.ts `targetVersions`), or a cached answer would outlive an edit or be recomputed for nothing.
 */
import { describe, expect, it, vi } from "vitest";
import { createDashboardsService } from "@/lib/dashboards/dashboards-service";
import { newDashboardSchema } from "@/lib/dashboards/dashboard";
import { documentsTestDatabase, reportQuery } from "@/lib/reports/document-test-kit";
import { newSavedReportSchema } from "@/lib/reports/saved-report";
import { createSavedReportsService } from "@/lib/reports/saved-reports-service";
import { targetVersions } from "./share-run";
import { targetStamp } from "./target-stamp";

vi.mock("@/lib/store/db", async (importOriginal) => ({ ...(await importOriginal<typeof import("@/lib/store/db")>()), database: () => Promise.reject(new Error("tests pass their own database")) }));

const reportTile = (id: string, reportId: number) => ({ id, size: "wide", kind: "report", reportId, view: "all", pinRange: false, pinFilters: false });

describe("targetStamp", () => {
  it("names a report's and a dashboard's versions as loading them does, and follows every edit and delete", async () => {
    const kit = await documentsTestDatabase();
    const deps = { db: kit.database, now: kit.now };
    const reports = createSavedReportsService(deps);
    const dashboards = createDashboardsService(deps);
    const { editor } = kit.people;
    const made = async (name: string) => (await reports.createSavedReport(editor, newSavedReportSchema.parse({ name, query: reportQuery() }))).id;
    const [a, b, c] = [await made("A"), await made("B"), await made("C")];
    const layout = { tiles: [reportTile("tile-b1", b), { id: "tile-tx", size: "full", kind: "text", markdown: "hi" }, reportTile("tile-a1", a), reportTile("tile-b2", b), reportTile("tile-c1", c)], range: null, filters: [] };
    const board = await dashboards.createDashboard(editor, newDashboardSchema.parse({ name: "Board", layout }));

    const loaded = async () => targetVersions({ kind: "dashboard", ...(await dashboards.getDashboard(board.id)) });
    const stamp = () => targetStamp({ kind: "dashboard", id: board.id }, kit.db);
    expect(await stamp()).toBe(await loaded());
    expect(await stamp()).toBe(`d${board.id}@1:r${b}@1,r${a}@1,r${c}@1`);

    await reports.changeSavedReport(editor, a, { name: "A, renamed" });
    expect(await stamp()).toBe(await loaded());
    expect(await stamp()).toContain(`r${a}@2`);
    await reports.deleteSavedReport(editor, c);
    expect(await stamp()).toBe(await loaded());
    expect(await stamp()).not.toContain(`r${c}@`);
    await dashboards.changeDashboard(editor, board.id, { name: "Board, renamed" });
    expect(await stamp()).toBe(await loaded());

    const single = () => targetStamp({ kind: "report", id: a }, kit.db);
    expect(await single()).toBe(targetVersions({ kind: "report", report: await reports.getSavedReport(a) }));
    await reports.deleteSavedReport(editor, a);
    expect(await single()).toBeNull();
    await dashboards.deleteDashboard(editor, board.id);
    expect(await stamp()).toBeNull();
    expect(await targetStamp({ kind: "report", id: 999_999 }, kit.db)).toBeNull();
  });
});
