/**
 * The milestone routes below HTTP: Fathom's rules are checked before anything is sent, only editors
 * and admins may write, every write lands in the audit log, and Fathom's field messages come back.
 */
import { NextRequest } from "next/server";
import { beforeEach, describe, expect, it, vi } from "vitest";
import type { User } from "@/lib/auth/users";
import { openTestDatabase } from "@/lib/store/db";

const state = vi.hoisted(() => ({ user: null as unknown, db: null as unknown, fathom: null as unknown }));

vi.mock("@/lib/auth/session", () => ({ getCurrentUser: async () => state.user }));
vi.mock("@/lib/store/db", async (importOriginal) => ({
  ...(await importOriginal<typeof import("@/lib/store/db")>()),
  database: async () => state.db,
}));
vi.mock("@/lib/governor/governed-fathom", () => ({ governedFathom: async () => state.fathom }));

const list = await import("./route");
const item = await import("./[milestoneId]/route");
const { FathomError } = await import("@/lib/fathom/errors");
const { auditLog } = await import("@/lib/audit/audit-log");

const editor: User = { id: 2, email: "eddie@example.com", name: "Eddie", role: "editor", createdAt: "2024-01-01T00:00:00Z" };
const viewer: User = { id: 3, email: "vera@example.com", name: "Vera", role: "viewer", createdAt: "2024-01-01T00:00:00Z" };

const launch = { id: "m1", object: "milestone", name: "Launch", milestone_date: "2024-03-01 00:00:00", created_at: "2024-01-01 00:00:00", updated_at: null };
const meta = { fetchedAt: "2024-05-01T00:00:00.000Z", freshUntil: "2024-05-01T00:05:00.000Z", cached: true, stale: false, shared: false };

function fakeFathom() {
  return {
    listAllMilestones: vi.fn(async () => ({ data: [launch], meta })),
    createMilestone: vi.fn(async (_site: string, body: { name: string; milestone_date: string }) => ({
      ...launch,
      id: "m2",
      name: body.name,
      milestone_date: `${body.milestone_date} 00:00:00`,
    })),
    updateMilestone: vi.fn(async (_site: string, id: string, body: { name: string; milestone_date: string }) => ({
      ...launch,
      id,
      name: body.name,
      milestone_date: `${body.milestone_date} 00:00:00`,
    })),
    deleteMilestone: vi.fn(async (_site: string, id: string) => ({ id, object: "milestone", deleted: true })),
  };
}

type Handler = (request: NextRequest, context: { params: Promise<Record<string, string>> }) => Promise<Response>;

async function call(handler: Handler, method: string, params: Record<string, string>, body?: unknown, headers: Record<string, string> = {}) {
  const request = new NextRequest("http://sounding.test/api/sites/CDBUGS/milestones", {
    method,
    headers: { host: "sounding.test", origin: "http://sounding.test", "content-type": "application/json", ...headers },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const response = await handler(request, { params: Promise.resolve(params) });
  return { status: response.status, json: (await response.json()) as { milestone?: unknown; milestones?: unknown; deleted?: boolean; id?: string; error: { code: string; fields?: Record<string, string[]> } } };
}

let fathom: ReturnType<typeof fakeFathom>;
beforeEach(async () => {
  state.db = await openTestDatabase();
  state.user = editor;
  fathom = fakeFathom();
  state.fathom = fathom;
});

const entries = async () => (await auditLog()).list({ limit: 10 }).then((page) => page.entries);

describe("milestone routes", () => {
  it("list every milestone with dates as days, for any signed-in role", async () => {
    state.user = viewer;
    const { status, json } = await call(list.GET, "GET", { siteId: "CDBUGS" });
    expect(status).toBe(200);
    expect(json.milestones).toEqual([{ id: "m1", name: "Launch", date: "2024-03-01", createdAt: "2024-01-01 00:00:00", updatedAt: null }]);
  });

  it("create a milestone, answer 201 and record who did it", async () => {
    const { status, json } = await call(list.POST, "POST", { siteId: "CDBUGS" }, { name: "Spring campaign", milestone_date: "2024-03-20" });
    expect(status).toBe(201);
    expect(json.milestone).toMatchObject({ id: "m2", name: "Spring campaign", date: "2024-03-20" });
    expect(fathom.createMilestone).toHaveBeenCalledWith("CDBUGS", { name: "Spring campaign", milestone_date: "2024-03-20" });
    expect(await entries()).toEqual([
      expect.objectContaining({
        actor: { id: 2, name: "Eddie", email: "eddie@example.com" },
        action: "milestone.create",
        siteId: "CDBUGS",
        targetId: "m2",
        summary: "Created milestone “Spring campaign” on 2024-03-20",
        outcome: "ok",
      }),
    ]);
  });

  it("refuse a 31-character name with a field message, sending nothing and recording nothing", async () => {
    const { status, json } = await call(list.POST, "POST", { siteId: "CDBUGS" }, { name: "x".repeat(31), milestone_date: "2024-03-20" });
    expect(status).toBe(400);
    expect(json.error.fields).toEqual({ name: ["Fathom allows at most 30 characters in a milestone name; this one has 31"] });
    expect(fathom.createMilestone).not.toHaveBeenCalled();
    expect(await entries()).toEqual([]);
  });

  it("need both fields on update too", async () => {
    const { status, json } = await call(item.PATCH, "PATCH", { siteId: "CDBUGS", milestoneId: "m1" }, { name: "Relaunch" });
    expect(status).toBe(400);
    expect(Object.keys(json.error.fields ?? {})).toEqual(["milestone_date"]);
    expect(fathom.updateMilestone).not.toHaveBeenCalled();
  });

  it("pass Fathom's field messages on and keep the refusal in the log", async () => {
    fathom.createMilestone.mockRejectedValueOnce(
      new FathomError({ kind: "validation", status: 400, message: "The name has already been taken.", fields: { name: ["The name has already been taken."] } }),
    );
    const { status, json } = await call(list.POST, "POST", { siteId: "CDBUGS" }, { name: "Launch", milestone_date: "2024-03-01" });
    expect(status).toBe(400);
    expect(json.error.code).toBe("fathom_validation");
    expect(json.error.fields).toEqual({ name: ["The name has already been taken."] });
    const [entry] = await entries();
    expect(entry).toMatchObject({ outcome: "failed", detail: expect.stringContaining("The name has already been taken.") });
  });

  it("describe a move and a delete by the milestone's name", async () => {
    const moved = await call(item.PATCH, "PATCH", { siteId: "CDBUGS", milestoneId: "m1" }, { name: "Launch", milestone_date: "2024-03-04" });
    expect(moved.status).toBe(200);
    expect(moved.json.milestone).toMatchObject({ id: "m1", date: "2024-03-04" });
    const deleted = await call(item.DELETE, "DELETE", { siteId: "CDBUGS", milestoneId: "m1" });
    expect(deleted.json).toEqual({ deleted: true, id: "m1" });
    expect((await entries()).map((entry) => [entry.action, entry.summary, entry.outcome])).toEqual([
      ["milestone.delete", "Deleted milestone “Launch” of 2024-03-01", "ok"],
      ["milestone.update", "Moved milestone “Launch” from 2024-03-01 to 2024-03-04", "ok"],
    ]);
  });

  it("refuse ids that are not an id's exact shape (no trimming, no dot segments), touching nothing", async () => {
    for (const milestoneId of [" .. ", "\t..", " .", "..", ".", "m1 ", "a/b", "%2e%2e"]) {
      const removed = await call(item.DELETE, "DELETE", { siteId: "CDBUGS", milestoneId });
      expect(removed.status, JSON.stringify(milestoneId)).toBe(400);
      expect(removed.json.error.fields?.milestoneId).toEqual(["That is not a valid milestone id"]);
      const moved = await call(item.PATCH, "PATCH", { siteId: "CDBUGS", milestoneId }, { name: "A", milestone_date: "2024-03-01" });
      expect(moved.status, JSON.stringify(milestoneId)).toBe(400);
    }
    expect((await call(list.POST, "POST", { siteId: " CDBUGS" }, { name: "A", milestone_date: "2024-03-01" })).status).toBe(400);
    expect(fathom.deleteMilestone).not.toHaveBeenCalled();
    expect(fathom.updateMilestone).not.toHaveBeenCalled();
    expect(fathom.createMilestone).not.toHaveBeenCalled();
    expect(await entries()).toEqual([]);
  });

  it("answer 403 to a viewer's writes and to cross-site writes, without touching Fathom", async () => {
    state.user = viewer;
    expect((await call(list.POST, "POST", { siteId: "CDBUGS" }, { name: "A", milestone_date: "2024-03-01" })).status).toBe(403);
    expect((await call(item.PATCH, "PATCH", { siteId: "CDBUGS", milestoneId: "m1" }, { name: "A", milestone_date: "2024-03-01" })).status).toBe(403);
    expect((await call(item.DELETE, "DELETE", { siteId: "CDBUGS", milestoneId: "m1" })).status).toBe(403);
    state.user = editor;
    const crossSite = await call(list.POST, "POST", { siteId: "CDBUGS" }, { name: "A", milestone_date: "2024-03-01" }, { origin: "https://evil.example" });
    expect(crossSite.status).toBe(403);
    expect(fathom.createMilestone).not.toHaveBeenCalled();
    expect(fathom.updateMilestone).not.toHaveBeenCalled();
    expect(fathom.deleteMilestone).not.toHaveBeenCalled();
    expect(await entries()).toEqual([]);
  });
});
