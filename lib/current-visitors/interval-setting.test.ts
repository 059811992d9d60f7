import { mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { openTestDatabase } from "@/lib/store/db";

beforeAll(() => {
  process.env.DATA_DIR = mkdtempSync(path.join(os.tmpdir(), "sounding-live-"));
  process.env.APP_SECRET = "x".repeat(40);
  process.env.CURRENT_VISITORS_INTERVAL_SECONDS = "20";
});

describe("the admin's default interval", () => {
  it("follows CURRENT_VISITORS_INTERVAL_SECONDS until an admin sets one, and again once it is cleared", async () => {
    const { intervalSettingState, writeStoredInterval } = await import("./interval-setting");
    const db = await openTestDatabase();
    expect(await intervalSettingState(db)).toMatchObject({ intervalSeconds: null, environmentSeconds: 20, effectiveSeconds: 20, updatedAt: null });

    await writeStoredInterval(db, 45, new Date("2026-03-10T12:00:00Z"));
    expect(await intervalSettingState(db)).toMatchObject({ intervalSeconds: 45, effectiveSeconds: 45, updatedAt: "2026-03-10T12:00:00.000Z" });

    await writeStoredInterval(db, 30);
    expect((await intervalSettingState(db)).effectiveSeconds).toBe(30);

    await writeStoredInterval(db, null);
    expect(await intervalSettingState(db)).toMatchObject({ intervalSeconds: null, effectiveSeconds: 20 });
  });

  it("ignores a stored value it cannot read instead of failing", async () => {
    const { INTERVAL_SETTING_KEY, readStoredInterval } = await import("./interval-setting");
    const db = await openTestDatabase();
    await db.insertInto("settings").values({ key: INTERVAL_SETTING_KEY, value: "soon", updated_at: "x" }).execute();
    expect(await readStoredInterval(db)).toBeNull();
  });
});
