/**
 * The saved-report routes over HTTP, on a real (in-memory) database: viewers read, editors and admins
 * write, ids are exactly positive integers, bad bodies are 400 with field messages, and a refused request
 * changes nothing.
 */
import { describe, expect, it, vi } from "vitest";
import { callRoute, testUser } from "@/lib/api/route-test-kit";
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

const kit = documentsRouteTest(state);

const blog = { name: "Blog traffic", description: "Weekly", query: reportQuery() };
type Report = { id: number; version: number; name: string };
const created = async () => (await callRoute<Report>(list.POST, "POST", { body: blog })).json;
const id = (value: number | string) => ({ id: String(value) });

/** Every write route, called on report `target` with a harmless body. */
const writes = (target: Record<string, string>) => [
  () => callRoute(list.POST, "POST", { body: blog }),
  () => callRoute(item.PATCH, "PATCH", { params: target, body: { name: "Renamed" } }),
  () => callRoute(item.DELETE, "DELETE", { params: target }),
  () => callRoute(duplicate.POST, "POST", { params: target }),
  () => callRoute(undelete.POST, "POST", { params: target }),
  () => callRoute(restore.POST, "POST", { params: { ...target, version: "1" } }),
];

describe("/api/reports", () => {
  it("saves, lists, reads, changes, restores, duplicates, deletes and undeletes a report", async () => {
    const first = await callRoute<Report>(list.POST, "POST", { body: blog });
    expect(first.status).toBe(201);
    expect(first.json).toMatchObject({ name: "Blog traffic", siteId: "CDBUGS", version: 1, owner: { id: 2, name: "Eddie" } });
    expect(first.json).not.toHaveProperty("owner.email");
    const target = id(first.json.id);
    const changed = await callRoute(item.PATCH, "PATCH", { params: target, body: { name: "Blog, quarterly", baseVersion: 1 } });
    expect(changed).toMatchObject({ status: 200, json: { version: 2, name: "Blog, quarterly" } });
    const history = await callRoute<{ versions: { version: number }[] }>(versions.GET, "GET", { params: target });
    expect(history.json.versions.map((version) => version.version)).toEqual([2, 1]);
    expect(await callRoute(restore.POST, "POST", { params: { ...target, version: "1" } })).toMatchObject({ status: 200, json: { version: 3, name: "Blog traffic" } });
    expect(await callRoute(duplicate.POST, "POST", { params: target })).toMatchObject({ status: 201, json: { name: "Copy of Blog traffic" } });
    expect(await callRoute(item.DELETE, "DELETE", { params: target })).toMatchObject({ status: 200, json: { id: first.json.id, deleted: true } });
    expect(await callRoute(item.GET, "GET", { params: target })).toMatchObject({ status: 404, json: { error: { code: "report_not_found" } } });
    expect((await callRoute<{ reports: Report[] }>(list.GET, "GET")).json.reports.map((report) => report.name)).toEqual(["Copy of Blog traffic"]);
    expect(await callRoute(undelete.POST, "POST", { params: target })).toMatchObject({ status: 200, json: { id: first.json.id, version: 3 } });
    expect(await callRoute(item.GET, "GET", { params: target })).toMatchObject({ status: 200, json: { name: "Blog traffic" } });
  });

  it("lets a viewer read but not write (403), a signed-out caller neither (401), and changes nothing", async () => {
    const { id: reportId } = await created();
    const before = await kit.counts();
    state.user = testUser("viewer");
    expect((await callRoute(list.GET, "GET")).status).toBe(200);
    expect((await callRoute(item.GET, "GET", { params: id(reportId) })).status).toBe(200);
    expect((await callRoute(versions.GET, "GET", { params: id(reportId) })).status).toBe(200);
    for (const write of writes(id(reportId))) expect((await write()).json.error?.code).toBe("forbidden");
    state.user = null;
    expect((await callRoute(list.GET, "GET")).status).toBe(401);
    expect((await callRoute(item.GET, "GET", { params: id(reportId) })).status).toBe(401);
    for (const write of writes(id(reportId))) expect((await write()).status).toBe(401);
    state.user = testUser("admin");
    const crossSite = await callRoute(list.POST, "POST", { body: blog, headers: { origin: "https://evil.example" } });
    expect(crossSite.status).toBe(403);
    expect(await kit.counts()).toEqual(before);
  });

  it("refuses ids and versions that are not exactly positive integers with 400, and answers unknown ones 404", async () => {
    const { id: reportId } = await created();
    const before = await kit.counts();
    for (const hostile of ["0", "-1", "1e3", "01", "../x", "12345678901", "%00", "\u0000", " 1", "1.0", "2147483648", ""]) {
      for (const call of [() => callRoute(item.GET, "GET", { params: { id: hostile } }), ...writes({ id: hostile }).slice(1)]) {
        const { status, json } = await call();
        expect(status, JSON.stringify(hostile)).toBe(400);
        expect(json.error?.fields?.id).toEqual(["That is not a report id"]);
      }
      const badVersion = await callRoute(restore.POST, "POST", { params: { id: String(reportId), version: hostile } });
      expect(badVersion.json.error?.fields?.version, JSON.stringify(hostile)).toEqual(["That is not a version number"]);
    }
    for (const call of [() => callRoute(item.GET, "GET", { params: id(404) }), () => callRoute(versions.GET, "GET", { params: id(404) }), ...writes(id(404)).slice(1)]) {
      const { status, json } = await call();
      expect(status).toBe(404);
      expect(json.error).toEqual({ code: "report_not_found", message: "There is no saved report 404. It may have been deleted." });
    }
    const noVersion = await callRoute(restore.POST, "POST", { params: { id: String(reportId), version: "7" } });
    expect(noVersion).toMatchObject({ status: 404, json: { error: { code: "version_not_found" } } });
    expect(await kit.counts()).toEqual(before);
  });

  it("refuses bad bodies with 400 and field messages, changing nothing", async () => {
    const { id: reportId } = await created();
    const before = await kit.counts();
    const post = (body: unknown) => callRoute(list.POST, "POST", { body });
    const patch = (body: unknown) => callRoute(item.PATCH, "PATCH", { params: id(reportId), body });
    const refusals: [Awaited<ReturnType<typeof post>>, string][] = [
      [await post({ ...blog, name: "  " }), "name"],
      [await post({ ...blog, name: "x".repeat(121) }), "name"],
      [await post({ ...blog, description: "d".repeat(2001) }), "description"],
      [await post({ ...blog, name: "Bell\u0007" }), "name"],
      [await post({ ...blog, query: { ...reportQuery(), metrics: [] } }), "query.metrics"],
      [await post({ ...blog, query: { ...reportQuery(), version: 99 } }), "query.version"],
      [await post({ ...blog, owner: 1 }), "_"],
      [await post({ name: "No query" }), "query"],
      [await patch({}), "_"],
      [await patch({ baseVersion: "1", name: "x" }), "baseVersion"],
      [await patch({ name: "x", query: { ...reportQuery(), entity: "event", metrics: ["visits"] } }), "query.metrics"],
    ];
    for (const [{ status, json }, field] of refusals) {
      expect(status, json.error?.message).toBe(400);
      expect(Object.keys(json.error?.fields ?? {}), json.error?.message).toContain(field);
    }
    expect((await callRoute(list.POST, "POST", { body: "{", headers: {} })).status).toBe(400);
    expect(await kit.counts()).toEqual(before);
  });

  it("answers a save made from an older version 409, naming who saved it", async () => {
    const { id: reportId } = await created();
    state.user = testUser("admin");
    await callRoute(item.PATCH, "PATCH", { params: id(reportId), body: { name: "Ada's", baseVersion: 1 } });
    state.user = testUser("editor");
    const before = await kit.counts();
    const stale = await callRoute(item.PATCH, "PATCH", { params: id(reportId), body: { name: "Eddie's", baseVersion: 1 } });
    expect(stale.status).toBe(409);
    expect(stale.json.error).toMatchObject({ code: "report_changed", message: expect.stringMatching(/^Ada saved this saved report at \d{4}-\d\d-\d\d \d\d:\d\d UTC \(version 2\)/) });
    expect(await kit.counts()).toEqual(before);
  });
});
