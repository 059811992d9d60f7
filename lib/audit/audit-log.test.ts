import { describe, expect, it } from "vitest";
import { ApiError, beforeSending } from "@/lib/api/errors";
import { openTestDatabase } from "@/lib/store/db";
import { auditEntrySchema, auditQuerySchema } from "./audit-entry";
import { createAuditLog } from "./audit-log";

const ada = { id: 1, name: "Ada Admin", email: "ada@example.com" };
const eddie = { id: 2, name: "Eddie Editor", email: "eddie@example.com" };

async function freshLog() {
  let tick = Date.parse("2024-05-01T10:00:00Z");
  return createAuditLog(await openTestDatabase(), () => new Date((tick += 1000)));
}

describe("the audit log", () => {
  it("records who wrote what, where and when, with the id Fathom gave the new item", async () => {
    const log = await freshLog();
    const created = await log.audited(
      { actor: eddie, action: "milestone.create", siteId: "CDBUGS", summary: "Created milestone “Launch” on 2024-03-01" },
      async () => ({ id: "m-1", name: "Launch", milestone_date: "2024-03-01 00:00:00" }),
      (milestone) => ({ targetId: milestone.id, after: { name: milestone.name, milestone_date: milestone.milestone_date } }),
    );
    expect(created).toEqual({ id: "m-1", name: "Launch", milestone_date: "2024-03-01 00:00:00" });
    const { entries, nextBefore } = await log.list({ limit: 10 });
    expect(nextBefore).toBeNull();
    expect(entries).toHaveLength(1);
    expect(entries[0]).toEqual({
      id: expect.any(Number),
      at: "2024-05-01T10:00:01.000Z",
      actor: eddie,
      action: "milestone.create",
      siteId: "CDBUGS",
      targetId: "m-1",
      summary: "Created milestone “Launch” on 2024-03-01",
      after: { name: "Launch", milestone_date: "2024-03-01 00:00:00" },
      outcome: "ok",
      detail: null,
    });
    expect(auditEntrySchema.safeParse(entries[0]).success).toBe(true);
  });

  it("keeps a refused write as failed with the message the user saw, and passes the error on unchanged", async () => {
    const log = await freshLog();
    const refusal = new ApiError(400, "fathom_validation", "Fathom did not accept the request: The name has already been taken.");
    await expect(
      log.audited({ actor: ada, action: "event.update", siteId: "CDBUGS", targetId: "e-1", summary: "Renamed event" }, async () => {
        throw refusal;
      }),
    ).rejects.toBe(refusal);
    const [entry] = (await log.list({ limit: 10 })).entries;
    expect(entry).toMatchObject({ outcome: "failed", targetId: "e-1", detail: refusal.message, after: null });
  });

  it("keeps no entry for a write refused before anything was sent (an unknown id, the budget)", async () => {
    const log = await freshLog();
    const unknown = beforeSending(new ApiError(404, "milestone_not_found", "There is no milestone \"x\" on this Fathom account."));
    await expect(
      log.audited({ actor: ada, action: "milestone.delete", siteId: "CDBUGS", targetId: "x", summary: "Deleted milestone x" }, async () => {
        throw unknown;
      }),
    ).rejects.toBe(unknown);
    expect((await log.list({ limit: 10 })).entries).toEqual([]);
  });

  it("does not leak an unexpected error's text (it could carry a secret) into the log", async () => {
    const log = await freshLog();
    await expect(
      log.audited({ actor: ada, action: "event.delete", siteId: "CDBUGS", targetId: "e-1", summary: "Deleted event" }, async () => {
        throw new Error("connect ECONNREFUSED with Bearer secret-token-123");
      }),
    ).rejects.toThrow();
    const [entry] = (await log.list({ limit: 10 })).entries;
    expect(entry?.outcome).toBe("failed");
    expect(entry?.detail).not.toContain("secret-token-123");
  });

  it("keeps the body a write is about to send from before it is sent, and none for a delete", async () => {
    const db = await openTestDatabase();
    const log = createAuditLog(db);
    let sentWith: unknown;
    await log.audited(
      { actor: ada, action: "milestone.create", siteId: "CDBUGS", summary: "x", intent: { name: "Launch", milestone_date: "2024-03-01" } },
      async () => {
        sentWith = await db.selectFrom("audit_log").select(["outcome", "intent_json"]).executeTakeFirstOrThrow();
        return null;
      },
    );
    expect(sentWith).toEqual({ outcome: "pending", intent_json: JSON.stringify({ name: "Launch", milestone_date: "2024-03-01" }) });
    await log.audited({ actor: ada, action: "milestone.delete", siteId: "CDBUGS", targetId: "m-1", summary: "x" }, async () => null);
    const rows = await db.selectFrom("audit_log").select("intent_json").orderBy("id").execute();
    expect(rows.map((row) => row.intent_json)).toEqual([JSON.stringify({ name: "Launch", milestone_date: "2024-03-01" }), null]);
  });

  it("shows a write that has not been answered yet as pending", async () => {
    const log = await freshLog();
    let finish!: () => void;
    const running = log.audited({ actor: ada, action: "milestone.delete", siteId: "CDBUGS", targetId: "m-9", summary: "Deleted" }, () =>
      new Promise<void>((resolve) => (finish = resolve)),
    );
    await expect.poll(async () => (await log.list({ limit: 1 })).entries[0]?.outcome).toBe("pending");
    finish();
    await running;
    expect((await log.list({ limit: 1 })).entries[0]?.outcome).toBe("ok");
  });

  it("pages newest first and filters by site", async () => {
    const log = await freshLog();
    for (let i = 1; i <= 5; i++) {
      await log.audited(
        { actor: ada, action: "milestone.create", siteId: i % 2 ? "CDBUGS" : "LONDON", summary: `#${i}` },
        async () => null,
      );
    }
    const first = await log.list({ limit: 2 });
    expect(first.entries.map((e) => e.summary)).toEqual(["#5", "#4"]);
    const second = await log.list({ limit: 2, before: first.nextBefore! });
    expect(second.entries.map((e) => e.summary)).toEqual(["#3", "#2"]);
    const last = await log.list({ limit: 2, before: second.nextBefore! });
    expect(last.entries.map((e) => e.summary)).toEqual(["#1"]);
    expect(last.nextBefore).toBeNull();
    expect((await log.list({ limit: 10, site: "LONDON" })).entries.map((e) => e.summary)).toEqual(["#4", "#2"]);
  });
});

describe("the audit query", () => {
  it("reads search params with defaults and refuses nonsense with a message", () => {
    expect(auditQuerySchema.parse({})).toEqual({ limit: 50 });
    expect(auditQuerySchema.parse({ limit: "20", before: "31", site: "CDBUGS" })).toEqual({ limit: 20, before: 31, site: "CDBUGS" });
    expect(auditQuerySchema.safeParse({ limit: "500" }).error?.issues[0]?.message).toBe("The page size must be at most 200");
    expect(auditQuerySchema.safeParse({ before: "abc" }).success).toBe(false);
  });
});
