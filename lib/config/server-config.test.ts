import { mkdtempSync, readFileSync, statSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it, vi } from "vitest";
import { loadServerConfig } from "./server-config";

describe("loadServerConfig", () => {
  it("creates DATA_DIR, generates an APP_SECRET once, keeps it private, and reuses it", () => {
    const dir = path.join(mkdtempSync(path.join(os.tmpdir(), "sounding-config-")), "nested", "data");
    const info = vi.spyOn(console, "info").mockImplementation(() => {});
    const first = loadServerConfig({ DATA_DIR: dir });
    expect(first.dataDir).toBe(dir);
    expect(first.appSecret.length).toBeGreaterThanOrEqual(32);
    expect(info).toHaveBeenCalledWith(expect.stringContaining("generated one"));
    const file = path.join(dir, "app-secret");
    expect(readFileSync(file, "utf8").trim()).toBe(first.appSecret);
    expect(statSync(file).mode & 0o777).toBe(0o600);

    info.mockClear();
    const second = loadServerConfig({ DATA_DIR: dir });
    expect(second.appSecret).toBe(first.appSecret);
    expect(info).not.toHaveBeenCalled();
  });

  it("prefers APP_SECRET from the environment and writes nothing", () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "sounding-config-"));
    const secret = "s".repeat(40);
    expect(loadServerConfig({ DATA_DIR: dir, APP_SECRET: secret }).appSecret).toBe(secret);
    expect(() => statSync(path.join(dir, "app-secret"))).toThrow();
  });
});
