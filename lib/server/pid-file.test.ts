/** DATA_DIR/server.pid: what restore reads to tell a running server from one that is gone. */
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { isProcessAlive, pidFilePath, removePidFile, runningServerPid, writePidFile } from "./pid-file";

let dataDir: string;
afterEach(() => rmSync(dataDir, { recursive: true, force: true }));
const fresh = () => (dataDir = mkdtempSync(path.join(tmpdir(), "sounding-pid-")));

describe("the server's pid file", () => {
  it("names this process while it runs, and is removed at exit only if it still names it", () => {
    fresh();
    writePidFile(dataDir);
    expect(readFileSync(pidFilePath(dataDir), "utf8")).toBe(`${process.pid}\n`);
    expect(runningServerPid(dataDir)).toBe(process.pid);
    writeFileSync(pidFilePath(dataDir), "12345\n"); // another server took over the folder
    removePidFile(dataDir);
    expect(existsSync(pidFilePath(dataDir))).toBe(true);
    removePidFile(dataDir, 12345);
    expect(existsSync(pidFilePath(dataDir))).toBe(false);
  });

  it("counts as no server when missing, unreadable, or naming a process that is gone", () => {
    fresh();
    expect(runningServerPid(dataDir)).toBeNull();
    writeFileSync(pidFilePath(dataDir), "not a pid");
    expect(runningServerPid(dataDir)).toBeNull();
    const gone = spawnSync(process.execPath, ["-e", ""]).pid!;
    expect(isProcessAlive(gone)).toBe(false);
    writeFileSync(pidFilePath(dataDir), `${gone}\n`);
    expect(runningServerPid(dataDir)).toBeNull();
  });
});
