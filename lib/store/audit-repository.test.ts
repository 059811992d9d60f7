import { describe, expect, it } from "vitest";
import { createAuditRepository } from "./audit-repository";
import { openTestDatabase } from "./db";

const actor = { id: 1, name: "Ada", email: "ada@example.com" };
const at = (minute: number) => new Date(Date.UTC(2026, 0, 1, 10, minute));

async function repository() {
  const audit = createAuditRepository(await openTestDatabase());
  const write = (action: string, targetId: string | undefined, minute: number) =>
    audit.insertPending({ at: at(minute), actor, action, siteId: "SITE", targetId, summary: action, intent: { name: "N" } });
  return { audit, write };
}

describe("audit repository", () => {
  it("settles an entry, keeping the fields a settlement leaves undefined", async () => {
    const { audit, write } = await repository();
    const id = await write("milestone.create", undefined, 0);
    await audit.settle(id, { outcome: "ok", detail: null, targetId: "M1", after: { name: "N" } });
    await audit.settle(id, { outcome: "ok", detail: "again" });
    const [row] = await audit.page({ limit: 10 });
    expect(row).toMatchObject({ target_id: "M1", summary: "milestone.create", after_json: '{"name":"N"}', detail: "again", intent_json: '{"name":"N"}' });
  });

  it("settles an entry left pending only while it still is pending", async () => {
    const { audit, write } = await repository();
    const id = await write("milestone.delete", "M1", 0);
    expect((await audit.pendingBefore(at(1))).map((row) => row.id)).toEqual([id]);
    expect(await audit.pendingBefore(at(0))).toEqual([]);
    expect(await audit.settleIfPending(id, { outcome: "unknown", detail: "checked" })).toBe(true);
    expect(await audit.settleIfPending(id, { outcome: "ok", detail: "too late" })).toBe(false);
    expect((await audit.page({ limit: 1 }))[0]).toMatchObject({ outcome: "unknown", detail: "checked" });
  });

  it("tells whether another entry names an item: a create at any time, anything else only before", async () => {
    const { audit, write } = await repository();
    const update = await write("milestone.update", "M1", 0);
    const create = await write("milestone.create", undefined, 1);
    const laterUpdate = await write("milestone.update", "M2", 2);
    const named = (entryId: number, itemId: string) =>
      audit.namedByAnother({ entryId, siteId: "SITE", itemId, actions: ["milestone.create", "milestone.update"], createAction: "milestone.create" });
    expect(await named(create, "M1")).toBe(true); // an older entry named M1
    expect(await named(create, "M2")).toBe(false); // only a later update did
    expect(await named(laterUpdate, "M2")).toBe(false); // itself
    await write("milestone.create", "M3", 3);
    expect(await named(create, "M3")).toBe(true); // claimed by another create, even a later one
    expect(await named(update, "M3")).toBe(true);
    expect(await audit.namedByAnother({ entryId: create, siteId: "OTHER", itemId: "M1", actions: ["milestone.update"], createAction: "milestone.create" })).toBe(false);
  });

  it("lists pages newest first, by site and below an id", async () => {
    const { audit, write } = await repository();
    const first = await write("event.create", "E1", 0);
    const second = await write("event.update", "E1", 1);
    await write("event.update", "E2", 2);
    await audit.settle(first, { outcome: "ok", detail: null, after: { currency: "euro" } });
    await audit.settle(second, { outcome: "ok", detail: null, after: { currency: "yen" } });
    expect((await audit.page({ limit: 2 })).map((row) => row.id)).toEqual([second + 1, second]);
    expect((await audit.page({ limit: 5, before: second })).map((row) => row.id)).toEqual([first]);
    expect(await audit.page({ limit: 5, siteId: "OTHER" })).toEqual([]);
  });
});
