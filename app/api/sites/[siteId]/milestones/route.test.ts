/**
 * The milestone routes over HTTP: Fathom's rules and the id shapes are checked before the milestone
 * service (lib/sites/milestone-writes.ts, tested there) is asked anything, and only editors and admins
 * may write, from our own origin.
 */
import { beforeEach, describe, expect, it, vi } from "vitest";
import { callRoute, testUser } from "@/lib/api/route-test-kit";
import type { User } from "@/lib/auth/users";

const state = vi.hoisted(() => ({ user: null as unknown }));
const service = vi.hoisted(() => ({
  listMilestones: vi.fn(),
  createMilestone: vi.fn(),
  updateMilestone: vi.fn(),
  deleteMilestone: vi.fn(),
}));

vi.mock("@/lib/auth/session", () => ({ getCurrentUser: async () => state.user }));
vi.mock("@/lib/sites/site-lists", () => ({ listMilestones: service.listMilestones }));
vi.mock("@/lib/sites/milestone-writes", () => ({
  createMilestone: service.createMilestone,
  updateMilestone: service.updateMilestone,
  deleteMilestone: service.deleteMilestone,
}));

const list = await import("./route");
const item = await import("./[milestoneId]/route");
const { FathomError } = await import("@/lib/fathom/errors");

const editor: User = testUser("editor");
const site = { siteId: "CDBUGS" };
const spring = { name: "Spring campaign", milestone_date: "2024-03-20" };
const view = { id: "m2", name: "Spring campaign", date: "2024-03-20", createdAt: "2024-01-01 00:00:00", updatedAt: null };

beforeEach(() => {
  vi.clearAllMocks();
  state.user = editor;
  service.listMilestones.mockResolvedValue({ milestones: [view], meta: {} });
  service.createMilestone.mockResolvedValue({ milestone: view });
  service.updateMilestone.mockResolvedValue({ milestone: view });
  service.deleteMilestone.mockResolvedValue({ deleted: true, id: "m1" });
});

const untouched = () =>
  [service.createMilestone, service.updateMilestone, service.deleteMilestone].forEach((write) => expect(write).not.toHaveBeenCalled());

describe("milestone routes", () => {
  it("list for any signed-in role", async () => {
    state.user = testUser("viewer");
    const { status, json } = await callRoute(list.GET, "GET", { params: site });
    expect({ status, json }).toEqual({ status: 200, json: { milestones: [view], meta: {} } });
    expect(service.listMilestones).toHaveBeenCalledWith("CDBUGS");
  });

  it("create a milestone as the signed-in user and answer 201", async () => {
    const { status, json } = await callRoute(list.POST, "POST", { params: site, body: { ...spring, name: " Spring campaign " } });
    expect({ status, json }).toEqual({ status: 201, json: { milestone: view } });
    expect(service.createMilestone).toHaveBeenCalledWith(editor, "CDBUGS", spring);
  });

  it("hand a move and a delete to the service with both ids", async () => {
    const moved = await callRoute(item.PATCH, "PATCH", { params: { siteId: "CDBUGS", milestoneId: "m1" }, body: spring });
    expect(moved.status).toBe(200);
    expect(service.updateMilestone).toHaveBeenCalledWith(editor, "CDBUGS", "m1", spring);
    const deleted = await callRoute(item.DELETE, "DELETE", { params: { siteId: "CDBUGS", milestoneId: "m1" } });
    expect(deleted.json).toEqual({ deleted: true, id: "m1" });
    expect(service.deleteMilestone).toHaveBeenCalledWith(editor, "CDBUGS", "m1");
  });

  it("refuse a 31-character name, and a change without both fields, with field messages", async () => {
    const long = await callRoute(list.POST, "POST", { params: site, body: { name: "x".repeat(31), milestone_date: "2024-03-20" } });
    expect(long.status).toBe(400);
    expect(long.json.error?.fields).toEqual({ name: ["Fathom allows at most 30 characters in a milestone name; this one has 31"] });
    const partial = await callRoute(item.PATCH, "PATCH", { params: { siteId: "CDBUGS", milestoneId: "m1" }, body: { name: "Relaunch" } });
    expect(partial.status).toBe(400);
    expect(Object.keys(partial.json.error?.fields ?? {})).toEqual(["milestone_date"]);
    untouched();
  });

  it("answer Fathom's refusal with its status and field messages", async () => {
    service.createMilestone.mockRejectedValueOnce(
      new FathomError({ kind: "validation", status: 400, message: "The name has already been taken.", fields: { name: ["The name has already been taken."] } }),
    );
    const { status, json } = await callRoute(list.POST, "POST", { params: site, body: spring });
    expect(status).toBe(400);
    expect(json.error).toMatchObject({ code: "fathom_validation", fields: { name: ["The name has already been taken."] } });
  });

  it("refuse ids that are not an id's exact shape (no trimming, no dot segments), touching nothing", async () => {
    for (const milestoneId of [" .. ", "\t..", " .", "..", ".", "m1 ", "a/b", "%2e%2e"]) {
      const removed = await callRoute(item.DELETE, "DELETE", { params: { siteId: "CDBUGS", milestoneId } });
      expect(removed.status, JSON.stringify(milestoneId)).toBe(400);
      expect(removed.json.error?.fields?.milestoneId).toEqual(["That is not a valid milestone id"]);
      const moved = await callRoute(item.PATCH, "PATCH", { params: { siteId: "CDBUGS", milestoneId }, body: spring });
      expect(moved.status, JSON.stringify(milestoneId)).toBe(400);
    }
    expect((await callRoute(list.POST, "POST", { params: { siteId: " CDBUGS" }, body: spring })).status).toBe(400);
    untouched();
  });

  it("answer 403 to a viewer's writes and to cross-site writes, without asking the service", async () => {
    state.user = testUser("viewer");
    expect((await callRoute(list.POST, "POST", { params: site, body: spring })).status).toBe(403);
    expect((await callRoute(item.PATCH, "PATCH", { params: { siteId: "CDBUGS", milestoneId: "m1" }, body: spring })).status).toBe(403);
    expect((await callRoute(item.DELETE, "DELETE", { params: { siteId: "CDBUGS", milestoneId: "m1" } })).status).toBe(403);
    state.user = editor;
    const crossSite = await callRoute(list.POST, "POST", { params: site, body: spring, headers: { origin: "https://evil.example" } });
    expect(crossSite.status).toBe(403);
    untouched();
  });
});
