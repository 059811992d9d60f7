/**
 * `DATA_DIR/server.pid`: the running server's process id, written at start and removed at exit, so that
 * `npm run restore` can refuse to replace the database under a running server. A file left behind by a
 * server that was killed names a process that is gone, and is ignored. Not server-only: the restore
 * command (lib/store/backup.ts) reads it outside Next.
 */
import { readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";

export const PID_FILE = "server.pid";

export const pidFilePath = (dataDir: string) => path.join(dataDir, PID_FILE);

function readPid(file: string): number | null {
  let text: string;
  try {
    text = readFileSync(file, "utf8").trim();
  } catch {
    return null;
  }
  return /^\d+$/.test(text) && Number(text) > 0 ? Number(text) : null;
}

/** True when a process with this id exists (EPERM: it does, but belongs to another user). */
export function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** Removes the pid file if it still names `pid` (a server started since on the same folder keeps its own). */
export function removePidFile(dataDir: string, pid: number = process.pid): void {
  const file = pidFilePath(dataDir);
  if (readPid(file) === pid) rmSync(file, { force: true });
}

/** Writes this process's id into DATA_DIR and removes it again when the process exits. */
export function writePidFile(dataDir: string, pid: number = process.pid): void {
  writeFileSync(pidFilePath(dataDir), `${pid}\n`);
  process.once("exit", () => {
    try {
      removePidFile(dataDir, pid);
    } catch {
      // Exiting anyway; a file left behind names a process that is gone, which restore ignores.
    }
  });
}

/** The id of a live server on DATA_DIR, or null: no pid file, an unreadable one, or a process that is gone. */
export function runningServerPid(dataDir: string): number | null {
  const pid = readPid(pidFilePath(dataDir));
  return pid !== null && isProcessAlive(pid) ? pid : null;
}
