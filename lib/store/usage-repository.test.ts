import { describe, expect, it } from "vitest";
import { openTestDatabase } from "./db";
import { DatabaseUsageStore } from "./usage-repository";

describe("DatabaseUsageStore", () => {
  it("adds to a day's count per class, also when adds run at once, and reads from a day on", async () => {
    const db = await openTestDatabase();
    const store = new DatabaseUsageStore(db);
    await Promise.all([store.add("2026-03-01", "reports", 1), store.add("2026-03-01", "reports", 2), store.add("2026-03-01", "management", 5)]);
    await store.add("2026-02-28", "reports", 7);
    await db.insertInto("upstream_usage").values({ day: "2026-03-02", class: "retired-class", count: 1 }).execute();
    const rows = await new DatabaseUsageStore(async () => db).since("2026-03-01");
    expect(rows.sort((a, b) => a.cls.localeCompare(b.cls))).toEqual([
      { day: "2026-03-01", cls: "management", count: 5 },
      { day: "2026-03-01", cls: "reports", count: 3 },
    ]);
  });
});
