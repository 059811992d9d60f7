/**
 * The milestone service: each write goes to Fathom through the governed client with its audit entry (who,
 * what in words, how it ended), and answers with the milestone as Sounding's API shows it.
 */
import { beforeEach, describe, expect, it, vi } from "vitest";
import { testUser } from "@/lib/api/route-test-kit";
import { openTestDatabase } from "@/lib/store/db";

const state = vi.hoisted(() => ({ db: null as unknown, fathom: null as unknown }));

vi.mock("@/lib/store/db", async (importOriginal) => ({
  ...(await importOriginal<typeof import("@/lib/store/db")>()),
  database: async () => state.db,
}));
vi.mock("@/lib/governor/governed-fathom", () => ({ governedFathom: async () => state.fathom }));

const { createMilestone, deleteMilestone, updateMilestone } = await import("./milestone-writes");
const { listMilestones } = await import("./site-lists");
const { FathomError } = await import("@/lib/fathom/errors");
const { auditLog } = await import("@/lib/audit/audit-log");

const editor = testUser("editor");
const launch = { id: "m1", object: "milestone", name: "Launch", milestone_date: "2024-03-01 00:00:00", created_at: "2024-01-01 00:00:00", updated_at: null };
const meta = { fetchedAt: "2024-05-01T00:00:00.000Z", freshUntil: "2024-05-01T00:05:00.000Z", cached: true, stale: false, shared: false };

function fakeFathom() {
  const answer = (id: string, body: { name: string; milestone_date: string }) => ({ ...launch, id, name: body.name, milestone_date: `${body.milestone_date} 00:00:00` });
  return {
    listAllMilestones: vi.fn(async () => ({ data: [launch], meta })),
    createMilestone: vi.fn(async (_site: string, body: { name: string; milestone_date: string }) => answer("m2", body)),
    updateMilestone: vi.fn(async (_site: string, id: string, body: { name: string; milestone_date: string }) => answer(id, body)),
    deleteMilestone: vi.fn(async (_site: string, id: string) => ({ id, object: "milestone", deleted: true })),
  };
}

let fathom: ReturnType<typeof fakeFathom>;
beforeEach(async () => {
  state.db = await openTestDatabase();
  fathom = fakeFathom();
  state.fathom = fathom;
});

const entries = async () => (await auditLog()).list({ limit: 10 }).then((page) => page.entries);

describe("milestone service", () => {
  it("lists every milestone with dates as days", async () => {
    expect(await listMilestones("CDBUGS")).toEqual({
      milestones: [{ id: "m1", name: "Launch", date: "2024-03-01", createdAt: "2024-01-01 00:00:00", updatedAt: null }],
      meta,
    });
  });

  it("creates a milestone and records who did it, with the id Fathom gave it", async () => {
    const answer = await createMilestone(editor, "CDBUGS", { name: "Spring campaign", milestone_date: "2024-03-20" });
    expect(answer.milestone).toMatchObject({ id: "m2", name: "Spring campaign", date: "2024-03-20" });
    expect(fathom.createMilestone).toHaveBeenCalledWith("CDBUGS", { name: "Spring campaign", milestone_date: "2024-03-20" });
    expect(await entries()).toEqual([
      expect.objectContaining({
        actor: { id: 2, name: "Eddie", email: "eddie@example.com" },
        action: "milestone.create",
        siteId: "CDBUGS",
        targetId: "m2",
        summary: "Created milestone “Spring campaign” on 2024-03-20",
        after: { name: "Spring campaign", milestone_date: "2024-03-20 00:00:00" },
        outcome: "ok",
      }),
    ]);
  });

  it("passes Fathom's refusal on unchanged and keeps it in the log", async () => {
    const refusal = new FathomError({ kind: "validation", status: 400, message: "The name has already been taken.", fields: { name: ["The name has already been taken."] } });
    fathom.createMilestone.mockRejectedValueOnce(refusal);
    await expect(createMilestone(editor, "CDBUGS", { name: "Launch", milestone_date: "2024-03-01" })).rejects.toBe(refusal);
    const [entry] = await entries();
    expect(entry).toMatchObject({ outcome: "failed", detail: expect.stringContaining("The name has already been taken.") });
  });

  it("describes a move and a delete by the milestone's name as last listed", async () => {
    const moved = await updateMilestone(editor, "CDBUGS", "m1", { name: "Launch", milestone_date: "2024-03-04" });
    expect(moved.milestone).toMatchObject({ id: "m1", date: "2024-03-04" });
    expect(await deleteMilestone(editor, "CDBUGS", "m1")).toEqual({ deleted: true, id: "m1" });
    expect(fathom.deleteMilestone).toHaveBeenCalledWith("CDBUGS", "m1");
    expect((await entries()).map((entry) => [entry.action, entry.targetId, entry.summary, entry.outcome])).toEqual([
      ["milestone.delete", "m1", "Deleted milestone “Launch” of 2024-03-01", "ok"],
      ["milestone.update", "m1", "Moved milestone “Launch” from 2024-03-01 to 2024-03-04", "ok"],
    ]);
  });

  it("still writes when the list cannot be read, naming the milestone by what it knows", async () => {
    fathom.listAllMilestones.mockRejectedValue(new Error("list down"));
    await updateMilestone(editor, "CDBUGS", "m9", { name: "Relaunch", milestone_date: "2024-04-01" });
    await deleteMilestone(editor, "CDBUGS", "m9");
    expect((await entries()).map((entry) => entry.summary)).toEqual(["Deleted milestone m9", "Set a milestone to “Relaunch” on 2024-04-01"]);
  });
});
