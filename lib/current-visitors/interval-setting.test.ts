import { mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { openTestDatabase } from "@/lib/store/db";
import { createSettingsRepository } from "@/lib/store/settings-repository";

beforeAll(() => {
  process.env.DATA_DIR = mkdtempSync(path.join(os.tmpdir(), "sounding-live-"));
  process.env.APP_SECRET = "x".repeat(40);
  process.env.CURRENT_VISITORS_INTERVAL_SECONDS = "20";
});

describe("the admin's default interval", () => {
  it("follows CURRENT_VISITORS_INTERVAL_SECONDS until an admin sets one, and again once it is cleared", async () => {
    const { intervalSettingState, writeStoredInterval } = await import("./interval-setting");
    const settings = createSettingsRepository(await openTestDatabase());
    expect(await intervalSettingState(settings)).toMatchObject({ intervalSeconds: null, environmentSeconds: 20, effectiveSeconds: 20, updatedAt: null });

    await writeStoredInterval(45, { settings, now: new Date("2026-03-10T12:00:00Z") });
    expect(await intervalSettingState(settings)).toMatchObject({ intervalSeconds: 45, effectiveSeconds: 45, updatedAt: "2026-03-10T12:00:00.000Z" });

    await writeStoredInterval(30, { settings });
    expect((await intervalSettingState(settings)).effectiveSeconds).toBe(30);

    await writeStoredInterval(null, { settings });
    expect(await intervalSettingState(settings)).toMatchObject({ intervalSeconds: null, effectiveSeconds: 20 });
  });

  it("ignores a stored value it cannot read instead of failing", async () => {
    const { INTERVAL_SETTING_KEY, readStoredInterval } = await import("./interval-setting");
    const settings = createSettingsRepository(await openTestDatabase());
    await settings.write(INTERVAL_SETTING_KEY, "soon");
    expect(await readStoredInterval(settings)).toBeNull();
  });

  it("uses the process-wide database when given none", async () => {
    const { intervalSettingState, writeStoredInterval } = await import("./interval-setting");
    await writeStoredInterval(60);
    expect((await intervalSettingState()).intervalSeconds).toBe(60);
    await writeStoredInterval(null);
    expect((await intervalSettingState()).intervalSeconds).toBeNull();
  });
});
