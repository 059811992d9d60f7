/**
 * The one repository behind saved reports and dashboards: its queries, written against placeholder tables,
 * land in each kind's own tables, and neither kind sees the other's rows.
 */
import { describe, expect, it } from "vitest";
import { openTestDatabase } from "./db";
import { DASHBOARD_TABLES, documentsRepository, FORMER_MEMBER, SAVED_REPORT_TABLES } from "./versioned-documents";

const at = (minute: number) => new Date(Date.UTC(2026, 0, 1, 10, minute));

async function setup() {
  const db = await openTestDatabase();
  const ada = await db
    .insertInto("users")
    .values({ email: "ada@example.com", name: "Ada", role: "admin", password_hash: "x", created_at: at(0).toISOString() })
    .returning(["id", "name"])
    .executeTakeFirstOrThrow();
  return { db, ada, reports: documentsRepository(db, SAVED_REPORT_TABLES), dashboards: documentsRepository(db, DASHBOARD_TABLES) };
}

describe("versioned documents repository", () => {
  it("writes each kind to its own tables, with a first version", async () => {
    const { db, ada, reports, dashboards } = await setup();
    const report = await reports.insert({ name: "Blog", description: "", body: { site_id: "CDBUGS", query_json: "{}" } }, ada, at(1));
    const board = await dashboards.insert({ name: "Board", description: "d", body: { layout_json: '{"tiles":[]}' } }, ada, at(2));
    expect(await db.selectFrom("saved_reports").select(["id", "name", "site_id", "query_json", "version"]).execute()).toEqual([
      { id: report, name: "Blog", site_id: "CDBUGS", query_json: "{}", version: 1 },
    ]);
    expect(await db.selectFrom("dashboard_versions").select(["dashboard_id", "version", "layout_json", "created_by_name"]).execute()).toEqual([
      { dashboard_id: board, version: 1, layout_json: '{"tiles":[]}', created_by_name: "Ada" },
    ]);
    expect(await db.selectFrom("saved_report_versions").select(["report_id", "version"]).execute()).toEqual([{ report_id: report, version: 1 }]);
    expect((await reports.list()).map((row) => row.name)).toEqual(["Blog"]);
    expect(await dashboards.find(board)).toMatchObject({ name: "Board", body: { layout_json: '{"tiles":[]}' }, owner: { id: ada.id, name: "Ada" } });
  });

  it("adds a version only on top of the version it was made from, and keeps them all", async () => {
    const { ada, reports } = await setup();
    const id = await reports.insert({ name: "A", description: "", body: { site_id: "S1", query_json: "1" } }, ada, at(1));
    expect(await reports.addVersion(id, 1, { name: "B", description: "", body: { site_id: "S2", query_json: "2" } }, ada, at(2))).toBe(true);
    expect(await reports.addVersion(id, 1, { name: "C", description: "", body: { site_id: "S3", query_json: "3" } }, ada, at(3))).toBe(false);
    expect(await reports.addVersion(id, 2, { name: "A", description: "", body: { site_id: "S1", query_json: "1" } }, ada, at(4), 1)).toBe(true);
    const history = await reports.history(id);
    expect(history.map(({ version, name, restoredFrom, body }) => ({ version, name, restoredFrom, body }))).toEqual([
      { version: 3, name: "A", restoredFrom: 1, body: { site_id: "S1", query_json: "1" } },
      { version: 2, name: "B", restoredFrom: null, body: { site_id: "S2", query_json: "2" } },
      { version: 1, name: "A", restoredFrom: null, body: { site_id: "S1", query_json: "1" } },
    ]);
    expect(await reports.version(id, 2)).toMatchObject({ name: "B", createdBy: { id: ada.id, name: "Ada" } });
    expect(await reports.version(id, 4)).toBeNull();
    expect(await reports.find(id)).toMatchObject({ version: 3, name: "A", updatedAt: at(4).toISOString(), createdAt: at(1).toISOString() });
  });

  it("deletes softly, refuses a version of a deleted document, and brings it back", async () => {
    const { ada, reports } = await setup();
    const id = await reports.insert({ name: "A", description: "", body: { site_id: "S1", query_json: "1" } }, ada, at(1));
    expect(await reports.setDeleted(id, at(2))).toBe(true);
    expect(await reports.setDeleted(id, at(3))).toBe(false);
    expect(await reports.list()).toEqual([]);
    expect(await reports.find(id)).toMatchObject({ deletedAt: at(2).toISOString() });
    expect(await reports.addVersion(id, 1, { name: "B", description: "", body: {} }, ada, at(3))).toBe(false);
    expect((await reports.findMany([id, id, 99])).map((row) => row.id)).toEqual([id]);
    expect(await reports.setDeleted(id, null)).toBe(true);
    expect(await reports.setDeleted(id, null)).toBe(false);
    expect(await reports.setDeleted(99, at(4))).toBe(false);
    expect((await reports.list()).map((row) => row.id)).toEqual([id]);
  });

  it("lists the latest change first, and shows a removed user as a former member (history keeps their name)", async () => {
    const { db, ada, reports } = await setup();
    const older = await reports.insert({ name: "Older", description: "", body: { site_id: "S", query_json: "1" } }, ada, at(1));
    const newer = await reports.insert({ name: "Newer", description: "", body: { site_id: "S", query_json: "1" } }, ada, at(2));
    await reports.addVersion(older, 1, { name: "Older, changed", description: "", body: { site_id: "S", query_json: "2" } }, ada, at(3));
    expect((await reports.list()).map((row) => row.id)).toEqual([older, newer]);
    await db.deleteFrom("users").where("id", "=", ada.id).execute();
    expect(await reports.find(older)).toMatchObject({ owner: { id: null, name: FORMER_MEMBER }, updatedBy: { id: null, name: FORMER_MEMBER } });
    expect((await reports.history(older)).map((version) => version.createdBy)).toEqual([
      { id: null, name: "Ada" },
      { id: null, name: "Ada" },
    ]);
  });
});

describe("versioned documents saved at once", () => {
  it("let exactly one of two saves from the same version through, each in its own transaction", async () => {
    const { db, ada } = await setup();
    const id = await documentsRepository(db, SAVED_REPORT_TABLES).insert({ name: "A", description: "", body: { site_id: "S", query_json: "1" } }, ada, at(1));
    // As two instances would for two people who both opened version 1: read the document, then save on top of version 1.
    const save = (name: string) =>
      db.transaction().execute(async (trx) => {
        const reports = documentsRepository(trx, SAVED_REPORT_TABLES);
        await reports.find(id);
        return reports.addVersion(id, 1, { name, description: "", body: { site_id: "S", query_json: name } }, ada, at(2));
      });
    const saved = await Promise.all([save("B"), save("C")]);
    expect(saved.filter(Boolean)).toHaveLength(1);
    const reports = documentsRepository(db, SAVED_REPORT_TABLES);
    expect((await reports.history(id)).map((version) => version.version)).toEqual([2, 1]);
    expect(await reports.find(id)).toMatchObject({ version: 2, name: (await reports.version(id, 2))!.name });
  });
});
