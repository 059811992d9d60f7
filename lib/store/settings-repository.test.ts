import { describe, expect, it } from "vitest";
import { openTestDatabase } from "./db";
import { createSettingsRepository } from "./settings-repository";

describe("settings repository", () => {
  it("write replaces a key's value and time; remove says whether there was one", async () => {
    const settings = createSettingsRepository(await openTestDatabase());
    expect(await settings.read("k")).toBeNull();
    await settings.write("k", "one", new Date("2026-01-01T00:00:00Z"));
    await settings.write("k", "two", new Date("2026-02-01T00:00:00Z"));
    expect(await settings.read("k")).toEqual({ value: "two", updatedAt: "2026-02-01T00:00:00.000Z" });
    expect(await settings.remove("k")).toBe(true);
    expect(await settings.remove("k")).toBe(false);
    expect(await settings.read("k")).toBeNull();
  });

  it("writeIfAbsent lets exactly one of several racing writers through and keeps its value", async () => {
    const settings = createSettingsRepository(await openTestDatabase());
    const won = await Promise.all(["a", "b", "c"].map((value) => settings.writeIfAbsent("marker", value)));
    expect(won.filter(Boolean)).toHaveLength(1);
    expect((await settings.read("marker"))?.value).toBe(["a", "b", "c"][won.indexOf(true)]);
    expect(await settings.writeIfAbsent("marker", "later")).toBe(false);
  });
});
