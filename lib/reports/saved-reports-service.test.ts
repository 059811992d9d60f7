/**
 * Saved reports on a real (in-memory) database: every save a numbered version, restores as new versions,
 * conflicts refused with who and when, no-op saves, soft delete and undo, and each change written with its
 * audit entry in one transaction.
 */
import { describe, expect, it, vi } from "vitest";
import { storeReportQuery } from "@/lib/query/stored-query";
import { documentsTestDatabase, reportQuery } from "./document-test-kit";
import { MAX_REPORT_NAME, newSavedReportSchema, reportNameSchema, savedReportChangeSchema, savedReportListSchema, savedReportSchema } from "./saved-report";
import { createSavedReportsService, type SavedReportPreview } from "./saved-reports-service";

async function setup(preview?: SavedReportPreview) {
  const kit = await documentsTestDatabase();
  const service = createSavedReportsService({ db: kit.database, now: kit.now, preview });
  const { editor, admin } = kit.people;
  const create = (name = "Blog traffic", query = reportQuery()) =>
    service.createSavedReport(editor, newSavedReportSchema.parse({ name, query }));
  const change = (id: number, body: unknown, user = editor) => service.changeSavedReport(user, id, savedReportChangeSchema.parse(body));
  return { ...kit, service, editor, admin, create, change };
}

describe("saved reports", () => {
  it("creates a report at version 1 as the canonical stored query, owned by its author", async () => {
    const { service, create, editor, db, audit } = await setup();
    const report = await create(" Blog traffic ");
    expect(savedReportSchema.parse(report)).toEqual(report);
    expect(report).toMatchObject({ name: "Blog traffic", description: "", siteId: "CDBUGS", version: 1, owner: { id: editor.id, name: "Eddie" } });
    expect(report.query).toEqual(JSON.parse(storeReportQuery(reportQuery())));
    const row = await db.selectFrom("saved_reports").select("query_json").executeTakeFirstOrThrow();
    expect(row.query_json).toBe(storeReportQuery(reportQuery()));
    expect(await service.getSavedReport(report.id)).toEqual(report);
    expect(await audit()).toEqual([
      { action: "report.create", target_id: String(report.id), site_id: "CDBUGS", summary: "Created report “Blog traffic”", outcome: "ok", actor_name: "Eddie" },
    ]);
  });

  it("keeps every save as a numbered version, newest first, with who saved it", async () => {
    const { service, create, change, admin } = await setup();
    const { id } = await create();
    await change(id, { query: reportQuery("CDBUGS", { range: { preset: "last_90_days" } }), baseVersion: 1 });
    const third = await change(id, { name: "Blog, quarterly", description: "For the Monday call" }, admin);
    expect(third).toMatchObject({ version: 3, name: "Blog, quarterly", owner: { name: "Eddie" }, updatedBy: { id: admin.id, name: "Ada" } });
    const history = await service.savedReportHistory(id);
    expect(history.map((version) => [version.version, version.name, version.createdBy.name, version.restoredFrom])).toEqual([
      [3, "Blog, quarterly", "Ada", null],
      [2, "Blog traffic", "Eddie", null],
      [1, "Blog traffic", "Eddie", null],
    ]);
    expect(history[1]?.query).toMatchObject({ range: { preset: "last_90_days" } });
    expect(history[2]?.query).toMatchObject({ range: { preset: "last_30_days" } });
  });

  it("moves a report to another site when its query does", async () => {
    const { create, change, audit } = await setup();
    const { id } = await create();
    expect(await change(id, { query: reportQuery("OTHERSITE") })).toMatchObject({ siteId: "OTHERSITE", version: 2 });
    expect((await audit()).at(-1)).toMatchObject({ action: "report.update", site_id: "OTHERSITE", summary: "Saved report “Blog traffic” (version 2)" });
  });

  it("refuses a change made from an older version with 409, naming who saved and when, and changes nothing", async () => {
    const { create, change, admin, counts } = await setup();
    const { id } = await create();
    await change(id, { name: "Ada's name" }, admin);
    const before = await counts();
    await expect(change(id, { name: "Mine", baseVersion: 1 })).rejects.toMatchObject({
      status: 409,
      code: "report_changed",
      message: expect.stringMatching(/^Ada saved this saved report at 2026-05-01 10:0\d UTC \(version 2\), after version 1/),
    });
    expect(await counts()).toEqual(before);
  });

  it("answers a change that changes nothing with the current report, writing no version (even from an older base)", async () => {
    const { service, create, change, counts } = await setup();
    const { id } = await create();
    const before = await counts();
    // The query in its stored form (every default written out) is the same canonical query.
    const same = await change(id, { name: "Blog traffic", description: "", query: JSON.parse(storeReportQuery(reportQuery())), baseVersion: 1 });
    expect(same.version).toBe(1);
    await change(id, { name: "Blog traffic" });
    expect(await counts()).toEqual(before);
    await change(id, { name: "Renamed" });
    expect(await change(id, { name: "Renamed", baseVersion: 1 })).toMatchObject({ version: 2 });
    expect((await service.savedReportHistory(id)).length).toBe(2);
  });

  it("restores an old version as a new one that says what it restored; an unknown version is 404", async () => {
    const { service, create, change, audit, editor } = await setup();
    const { id } = await create();
    await change(id, { name: "Second", query: reportQuery("CDBUGS", { metrics: ["visits"] }) });
    const restored = await service.restoreSavedReportVersion(editor, id, 1);
    expect(restored).toMatchObject({ version: 3, name: "Blog traffic" });
    expect(restored.query).toMatchObject({ metrics: ["visits", "pageviews", "bounce_rate", "avg_duration"] });
    expect((await service.savedReportHistory(id))[0]).toMatchObject({ version: 3, restoredFrom: 1 });
    expect((await audit()).at(-1)).toMatchObject({ action: "report.restore", summary: "Restored report “Blog traffic” to version 1 (saved as version 3)" });
    // Restoring what is current already writes nothing.
    expect(await service.restoreSavedReportVersion(editor, id, 3)).toMatchObject({ version: 3 });
    await expect(service.restoreSavedReportVersion(editor, id, 9)).rejects.toMatchObject({ status: 404, code: "version_not_found" });
    expect((await service.savedReportHistory(id)).length).toBe(3);
  });

  it("deletes softly (404 afterwards, gone from the list) and undoes the delete", async () => {
    const { service, create, editor, audit, counts } = await setup();
    const { id } = await create();
    expect(await service.deleteSavedReport(editor, id)).toEqual({ id, deleted: true });
    const gone = { status: 404, code: "report_not_found", message: `There is no saved report ${id}. It may have been deleted.` };
    await expect(service.getSavedReport(id)).rejects.toMatchObject(gone);
    await expect(service.savedReportHistory(id)).rejects.toMatchObject(gone);
    await expect(service.changeSavedReport(editor, id, { name: "X" })).rejects.toMatchObject(gone);
    await expect(service.deleteSavedReport(editor, id)).rejects.toMatchObject(gone);
    expect(await service.listSavedReports()).toEqual([]);
    expect(await service.undeleteSavedReport(editor, id)).toMatchObject({ id, version: 1 });
    const afterUndo = await counts();
    expect(await service.undeleteSavedReport(editor, id)).toMatchObject({ id });
    expect(await counts()).toEqual(afterUndo);
    expect((await service.listSavedReports()).map((report) => report.id)).toEqual([id]);
    expect((await audit()).map((entry) => [entry.action, entry.summary, entry.site_id, entry.target_id])).toEqual([
      ["report.create", "Created report “Blog traffic”", "CDBUGS", String(id)],
      ["report.delete", "Deleted report “Blog traffic”", "CDBUGS", String(id)],
      ["report.undelete", "Undeleted report “Blog traffic”", "CDBUGS", String(id)],
    ]);
    await expect(service.undeleteSavedReport(editor, 404)).rejects.toMatchObject({ status: 404, code: "report_not_found" });
  });

  it("duplicates as “Copy of …”, owned by whoever duplicated it, within the name limit", async () => {
    const { service, create, admin, audit } = await setup();
    // 120 characters ending in emoji: the copy's name is cut between two of them, never inside one.
    const long = await create("x".repeat(MAX_REPORT_NAME - 12) + "😀".repeat(6));
    const copy = await service.duplicateSavedReport(admin, long.id);
    expect(copy.name).toBe(`Copy of ${"x".repeat(MAX_REPORT_NAME - 12)}😀…`);
    expect(reportNameSchema.parse(copy.name)).toBe(copy.name);
    const source = await create("Blog");
    const plain = await service.duplicateSavedReport(admin, source.id);
    expect(plain).toMatchObject({ name: "Copy of Blog", version: 1, owner: { id: admin.id, name: "Ada" } });
    expect(plain.query).toEqual(long.query);
    expect((await audit()).at(-1)).toEqual({
      action: "report.create",
      target_id: String(plain.id),
      site_id: "CDBUGS",
      summary: `Created report “Copy of Blog” as a copy of report ${source.id} (“Blog”, version 1)`,
      outcome: "ok",
      actor_name: "Ada",
    });
  });

  it("lists the latest change first with a preview from the cache, none for a query that no longer validates", async () => {
    const preview = vi.fn(async (query: { metrics: string[] }) => ({ metric: query.metrics[0]!, value: 42, fetchedAt: "2026-05-01T09:00:00.000Z" }));
    const { service, create, change, db } = await setup(preview);
    const first = await create("First");
    await create("Second");
    const broken = await create("Broken");
    await db.updateTable("saved_reports").set({ query_json: '{"version":1,"site":"CDBUGS","entity":"nope"}' }).where("id", "=", broken.id).execute();
    await change(first.id, { description: "touched last" });
    const list = await service.listSavedReports();
    expect(savedReportListSchema.parse({ reports: list }).reports).toEqual(list);
    expect(list.map((report) => [report.name, report.preview?.value ?? null])).toEqual([
      ["First", 42],
      ["Broken", null],
      ["Second", 42],
    ]);
    expect(preview).toHaveBeenCalledTimes(2);
    expect(list[1]?.query).toEqual({ version: 1, site: "CDBUGS", entity: "nope" });
  });

  it("still lists when a preview fails", async () => {
    const { service, create } = await setup(async () => {
      throw new Error("cache unreadable");
    });
    vi.spyOn(console, "error").mockImplementation(() => {});
    await create();
    expect((await service.listSavedReports()).map((report) => report.preview)).toEqual([null]);
  });

  it("writes a change and its audit entry together: when either fails, neither is written", async () => {
    for (const table of ["audit_log", "saved_report_versions"] as const) {
      const { service, create, change, editor, counts, breakInserts, db } = await setup();
      const { id } = await create();
      await change(id, { name: "Second" });
      await breakInserts(table);
      const before = await counts();
      await expect(change(id, { name: "Never saved" })).rejects.toThrow("disk full");
      await expect(service.restoreSavedReportVersion(editor, id, 1)).rejects.toThrow("disk full");
      await expect(service.duplicateSavedReport(editor, id)).rejects.toThrow("disk full");
      await expect(service.createSavedReport(editor, newSavedReportSchema.parse({ name: "New", query: reportQuery() }))).rejects.toThrow("disk full");
      if (table === "audit_log") await expect(service.deleteSavedReport(editor, id)).rejects.toThrow("disk full");
      expect(await counts(), table).toEqual(before);
      expect(await db.selectFrom("saved_reports").select(["name", "version", "deleted_at"]).execute()).toEqual([
        { name: "Second", version: 2, deleted_at: null },
      ]);
    }
  });

  it("shows an owner whose account was removed as a former member, keeping the name in the history", async () => {
    const { service, create, db, editor } = await setup();
    const { id } = await create();
    await db.deleteFrom("users").where("id", "=", editor.id).execute();
    expect(await service.getSavedReport(id)).toMatchObject({ owner: { id: null, name: "Former member" }, updatedBy: { id: null, name: "Former member" } });
    expect((await service.listSavedReports())[0]?.owner).toEqual({ id: null, name: "Former member" });
    expect((await service.savedReportHistory(id))[0]?.createdBy).toEqual({ id: null, name: "Eddie" });
  });
});
