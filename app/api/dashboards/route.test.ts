/**
 * The dashboard routes over HTTP, on a real (in-memory) database: access by role, exact ids, layouts that
 * do not validate (an oversized Markdown text, a tile of a missing report) refused with 400 and nothing
 * changed, and a full board of 40 long text tiles within the body limit.
 */
import { describe, expect, it, vi } from "vitest";
import { callRoute, testUser } from "@/lib/api/route-test-kit";
import { MAX_MARKDOWN, MAX_TILES } from "@/lib/dashboards/dashboard";
import { documentsRouteTest, reportQuery, type RouteTestState } from "@/lib/reports/document-test-kit";

const state = vi.hoisted((): RouteTestState => ({ user: null, db: null }));
vi.mock("@/lib/auth/session", () => ({ getCurrentUser: async () => state.user }));
vi.mock("@/lib/store/db", async (importOriginal) => ({
  ...(await importOriginal<typeof import("@/lib/store/db")>()),
  database: async () => state.db,
}));

const list = await import("./route");
const item = await import("./[id]/route");
const duplicate = await import("./[id]/duplicate/route");
const undelete = await import("./[id]/undelete/route");
const versions = await import("./[id]/versions/route");
const restore = await import("./[id]/versions/[version]/restore/route");
const reports = await import("../reports/route");
const report = await import("../reports/[id]/route");
const { DASHBOARD_MAX_BODY_BYTES } = await import("@/lib/dashboards/dashboards-service");

const kit = documentsRouteTest(state);

type Dashboard = { id: number; version: number; name: string; layout: { tiles: { id: string }[] } };
const text = (id: string, markdown = "Hello") => ({ id, kind: "text", size: "wide", markdown });
const reportTile = (id: string, reportId: number) => ({ id, kind: "report", size: "medium", reportId, view: "chart", pinRange: false, pinFilters: false });
const board = (...tiles: unknown[]) => ({ name: "Weekly", layout: { tiles, range: { preset: "last_7_days" }, filters: [] } });
const saveReport = async (name: string) => (await callRoute<{ id: number }>(reports.POST, "POST", { body: { name, query: reportQuery() } })).json.id;
const created = async (...tiles: unknown[]) => (await callRoute<Dashboard>(list.POST, "POST", { body: board(...tiles) })).json;
const id = (value: number | string) => ({ id: String(value) });

describe("/api/dashboards", () => {
  it("creates a dashboard and answers it with its tiles' saved reports; reorders, restores, duplicates, deletes, undeletes", async () => {
    const blog = await saveReport("Blog");
    const made = await callRoute<Dashboard>(list.POST, "POST", { body: board(reportTile("tile-a1", blog), text("tile-b2")) });
    expect(made).toMatchObject({ status: 201, json: { name: "Weekly", version: 1 } });
    const target = id(made.json.id);
    const read = await callRoute<{ dashboard: Dashboard; reports: { id: number; name: string }[] }>(item.GET, "GET", { params: target });
    expect(read.json.dashboard).toEqual(made.json);
    expect(read.json.reports.map((report) => report.name)).toEqual(["Blog"]);
    const reordered = await callRoute<Dashboard>(item.PATCH, "PATCH", { params: target, body: { layout: board(text("tile-b2"), reportTile("tile-a1", blog)).layout, baseVersion: 1 } });
    expect(reordered.json.layout.tiles.map((tile) => tile.id)).toEqual(["tile-b2", "tile-a1"]);
    expect((await callRoute<{ versions: unknown[] }>(versions.GET, "GET", { params: target })).json.versions).toHaveLength(2);
    expect(await callRoute(restore.POST, "POST", { params: { ...target, version: "1" } })).toMatchObject({ status: 200, json: { version: 3 } });
    expect(await callRoute(duplicate.POST, "POST", { params: target })).toMatchObject({ status: 201, json: { name: "Copy of Weekly" } });
    expect(await callRoute(item.DELETE, "DELETE", { params: target })).toMatchObject({ json: { id: made.json.id, deleted: true } });
    expect(await callRoute(item.GET, "GET", { params: target })).toMatchObject({ status: 404, json: { error: { code: "dashboard_not_found" } } });
    expect(await callRoute(undelete.POST, "POST", { params: target })).toMatchObject({ status: 200, json: { version: 3 } });
    const listed = await callRoute<{ dashboards: { name: string; tileCount: number }[] }>(list.GET, "GET");
    expect(listed.json.dashboards.map(({ name, tileCount }) => [name, tileCount])).toEqual([
      ["Copy of Weekly", 2],
      ["Weekly", 2],
    ]);
  });

  it("lets a viewer read but not write (403), a signed-out caller neither (401), and changes nothing", async () => {
    const { id: boardId } = await created(text("tile-a1"));
    const before = await kit.counts();
    const writes = [
      () => callRoute(list.POST, "POST", { body: board() }),
      () => callRoute(item.PATCH, "PATCH", { params: id(boardId), body: { name: "Mine" } }),
      () => callRoute(item.DELETE, "DELETE", { params: id(boardId) }),
      () => callRoute(duplicate.POST, "POST", { params: id(boardId) }),
      () => callRoute(undelete.POST, "POST", { params: id(boardId) }),
      () => callRoute(restore.POST, "POST", { params: { ...id(boardId), version: "1" } }),
    ];
    state.user = testUser("viewer");
    for (const read of [() => callRoute(list.GET, "GET"), () => callRoute(item.GET, "GET", { params: id(boardId) }), () => callRoute(versions.GET, "GET", { params: id(boardId) })]) {
      expect((await read()).status).toBe(200);
    }
    for (const write of writes) expect((await write()).status).toBe(403);
    state.user = null;
    expect((await callRoute(item.GET, "GET", { params: id(boardId) })).status).toBe(401);
    for (const write of writes) expect((await write()).status).toBe(401);
    expect(await kit.counts()).toEqual(before);
  });

  it("refuses hostile ids with 400 and answers unknown ones 404", async () => {
    for (const hostile of ["0", "-1", "1e3", "01", "../x", "12345678901", "%00"]) {
      for (const call of [() => callRoute(item.GET, "GET", { params: { id: hostile } }), () => callRoute(item.DELETE, "DELETE", { params: { id: hostile } })]) {
        const { status, json } = await call();
        expect(status, hostile).toBe(400);
        expect(json.error?.fields?.id).toEqual(["That is not a dashboard id"]);
      }
    }
    const unknown = await callRoute(versions.GET, "GET", { params: id(77) });
    expect(unknown).toMatchObject({ status: 404, json: { error: { code: "dashboard_not_found", message: "There is no dashboard 77. It may have been deleted." } } });
  });

  it("refuses layouts that do not validate with 400 and field messages, changing nothing", async () => {
    const { id: boardId } = await created(text("tile-a1"));
    const gone = await saveReport("Gone");
    await callRoute(report.DELETE, "DELETE", { params: id(gone) });
    const before = await kit.counts();
    const cases: [unknown, string, string?][] = [
      [board(text("tile-a1", "m".repeat(MAX_MARKDOWN + 1))), "layout.tiles.0.markdown"],
      [board(text("tile-a1"), text("tile-a1")), "layout.tiles"],
      [board(...Array.from({ length: MAX_TILES + 1 }, (_, n) => text(`tile-${String(n).padStart(3, "0")}`))), "layout.tiles"],
      [board({ ...text("tile-a1"), kind: "iframe" }), "layout.tiles.0.kind"],
      [board(text("bad id")), "layout.tiles.0.id"],
      [board(reportTile("tile-a1", gone)), "layout.tiles.0.reportId", "unknown_report"],
      [board(text("tile-a1"), reportTile("tile-b2", 4040)), "layout.tiles.1.reportId", "unknown_report"],
    ];
    for (const [body, field, code = "invalid_input"] of cases) {
      for (const call of [() => callRoute(list.POST, "POST", { body }), () => callRoute(item.PATCH, "PATCH", { params: id(boardId), body })]) {
        const { status, json } = await call();
        expect(status, json.error?.message).toBe(400);
        expect(json.error?.code).toBe(code);
        expect(Object.keys(json.error?.fields ?? {}), json.error?.message).toContain(field);
      }
    }
    const missing = await callRoute(list.POST, "POST", { body: board(text("tile-a1"), text("tile-b2"), reportTile("tile-c3", gone)) });
    expect(missing.json.error?.message).toBe(`Tile 3: saved report ${gone} was deleted`);
    expect(await kit.counts()).toEqual(before);
  });

  it("accepts a full board of the longest text tiles, and refuses a body beyond the limit with 413", async () => {
    const full = board(...Array.from({ length: MAX_TILES }, (_, n) => text(`tile-${String(n).padStart(3, "0")}`, "é€".repeat(MAX_MARKDOWN / 2))));
    expect(Buffer.byteLength(JSON.stringify(full))).toBeGreaterThan(64 * 1024 * 10);
    const made = await callRoute<Dashboard>(list.POST, "POST", { body: full });
    expect(made.status).toBe(201);
    expect(made.json.layout.tiles).toHaveLength(MAX_TILES);
    const before = await kit.counts();
    const huge = { ...full, description: "", padding: "x".repeat(DASHBOARD_MAX_BODY_BYTES) };
    expect((await callRoute(item.PATCH, "PATCH", { params: id(made.json.id), body: huge })).status).toBe(413);
    expect(await kit.counts()).toEqual(before);
  });
});
