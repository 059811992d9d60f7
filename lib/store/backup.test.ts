/**
 * `npm run backup` and `npm run restore` on real SQLite files in temporary DATA_DIRs: a backup taken while
 * another connection keeps writing is one consistent snapshot, and restore refuses anything it should not
 * put in place (leaving everything as it was) and round-trips the data otherwise.
 */
import { spawnSync } from "node:child_process";
import { copyFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import SQLite from "better-sqlite3";
import { afterEach, describe, expect, it } from "vitest";
import { BackupError, backupDatabase, fileStamp, restoreDatabase } from "./backup";
import { migrate, openDatabase } from "./db";

const folders: string[] = [];
afterEach(() => {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

function tempFolder(): string {
  const folder = mkdtempSync(path.join(tmpdir(), "sounding-backup-"));
  folders.push(folder);
  return folder;
}

/** A DATA_DIR with a migrated sounding.db holding `users` users, as the server leaves it. */
async function dataDirWith(users: string[]): Promise<string> {
  const dataDir = tempFolder();
  const db = openDatabase(path.join(dataDir, "sounding.db"));
  await migrate(db);
  for (const name of users) {
    await db.insertInto("users").values({ email: `${name}@example.com`, name, role: "editor", password_hash: "x", created_at: "2024-05-01" }).execute();
  }
  await db.destroy();
  return dataDir;
}

function userNames(file: string): string[] {
  const db = new SQLite(file, { readonly: true, fileMustExist: true });
  try {
    return db.prepare("SELECT name FROM users ORDER BY id").pluck().all() as string[];
  } finally {
    db.close();
  }
}

/** The id of a process that has exited: what a pid file left behind by a killed server names. */
function deadPid(): number {
  const child = spawnSync(process.execPath, ["-e", ""]);
  return child.pid!;
}

describe("backup", () => {
  it("takes one consistent snapshot while another connection keeps writing in WAL mode", async () => {
    const dataDir = await dataDirWith(["ada"]);
    const writer = new SQLite(path.join(dataDir, "sounding.db"));
    writer.pragma("journal_mode = WAL");
    // Enough data that the copy is many pages, then writes that each change two tables together.
    const cache = writer.prepare("INSERT INTO answer_cache (key, value, fetched_at, expires_at, tags) VALUES (?, ?, 0, 0, '[]')");
    writer.transaction(() => {
      for (let i = 0; i < 2000; i++) cache.run(`seed-${i}`, "x".repeat(800));
    })();
    const counter = writer.prepare("INSERT INTO settings (key, value, updated_at) VALUES ('writes', ?, '') ON CONFLICT(key) DO UPDATE SET value = excluded.value");
    let writes = 0;
    const write = writer.transaction(() => {
      writes += 1;
      cache.run(`write-${writes}`, "y".repeat(800));
      counter.run(String(writes));
    });
    let writing = true;
    const keepWriting = () => {
      if (!writing) return;
      write();
      setImmediate(keepWriting);
    };
    keepWriting();
    const before = writes;
    const report = await backupDatabase({ dataDir, now: new Date("2024-05-01T10:00:05Z") });
    const duringBackup = writes - before;
    writing = false;
    writer.close();

    expect(duringBackup).toBeGreaterThan(0);
    expect(report.file).toBe(path.join(dataDir, "backups", "sounding-20240501-100005.db"));
    expect(readdirSync(path.dirname(report.file))).toEqual(["sounding-20240501-100005.db"]);
    const copy = new SQLite(report.file, { readonly: true });
    const copied = copy.prepare("SELECT COUNT(*) FROM answer_cache WHERE key LIKE 'write-%'").pluck().get() as number;
    const recorded = Number(copy.prepare("SELECT value FROM settings WHERE key = 'writes'").pluck().get());
    expect(copy.prepare("PRAGMA integrity_check").pluck().get()).toBe("ok");
    expect(copy.pragma("journal_mode", { simple: true })).toBe("delete");
    copy.close();
    // Both tables are from the same moment, somewhere between the start of the backup and its end.
    expect(copied).toBe(recorded);
    expect(copied).toBeGreaterThanOrEqual(before);
    expect(copied).toBeLessThanOrEqual(writes);
    expect(report.tables).toMatchObject({ users: 1, answer_cache: 2000 + copied, settings: 1 });
    expect(report.bytes).toBeGreaterThan(2000 * 800);
  });

  it("writes to --out, and refuses to overwrite a file, a missing folder or a missing database", async () => {
    const dataDir = await dataDirWith(["ada"]);
    const out = path.join(tempFolder(), "nightly.db");
    expect((await backupDatabase({ dataDir, out })).file).toBe(out);
    expect(userNames(out)).toEqual(["ada"]);
    await expect(backupDatabase({ dataDir, out })).rejects.toThrow(`${out} already exists`);
    await expect(backupDatabase({ dataDir, out: path.join(dataDir, "nowhere", "x.db") })).rejects.toThrow("does not exist");
    await expect(backupDatabase({ dataDir: tempFolder() })).rejects.toThrow(/There is no database at .*sounding\.db/);
  });

  it("keeps no file at all when the copy fails its integrity check", async () => {
    const dataDir = await dataDirWith([]);
    const db = new SQLite(path.join(dataDir, "sounding.db"));
    db.transaction(() => {
      for (let i = 0; i < 400; i++) db.prepare("INSERT INTO audit_log (created_at, actor_name, actor_email, action, site_id, summary, outcome) VALUES ('t', 'a', 'a', 'x', 's', ?, 'ok')").run("z".repeat(500));
    })();
    db.close();
    // Scribble over pages in the middle of the audit log's table.
    const file = path.join(dataDir, "sounding.db");
    const bytes = readFileSync(file);
    bytes.fill(0x5a, bytes.length - 40 * 4096, bytes.length - 20 * 4096);
    writeFileSync(file, bytes);
    await expect(backupDatabase({ dataDir })).rejects.toThrow(/integrity check/);
    expect(readdirSync(path.join(dataDir, "backups"))).toEqual([]);
  });
});

describe("restore", () => {
  it("puts the backup in place and keeps the database it replaced, with what was still in its WAL", async () => {
    const dataDir = await dataDirWith(["ada", "eddie"]);
    const { file } = await backupDatabase({ dataDir });
    // After the backup: a change still in the WAL when the server was killed (copied while it was open).
    const crashedDir = tempFolder();
    const live = new SQLite(path.join(dataDir, "sounding.db"));
    live.prepare("DELETE FROM users WHERE name = 'eddie'").run();
    live.prepare("INSERT INTO users (email, name, role, password_hash) VALUES ('vera@example.com', 'vera', 'viewer', 'x')").run();
    for (const suffix of ["", "-wal", "-shm"]) copyFileSync(path.join(dataDir, `sounding.db${suffix}`), path.join(crashedDir, `sounding.db${suffix}`));
    live.close();

    const now = new Date("2024-05-02T08:30:00Z");
    const report = restoreDatabase({ dataDir: crashedDir, file, now });
    expect(report.previous).toBe(path.join(crashedDir, "sounding.db.before-restore-20240502-083000"));
    expect(report.tables).toMatchObject({ users: 2 });
    expect(readdirSync(crashedDir).sort()).toEqual(["sounding.db", "sounding.db.before-restore-20240502-083000"]);
    expect(userNames(path.join(crashedDir, "sounding.db"))).toEqual(["ada", "eddie"]);
    expect(userNames(report.previous!)).toEqual(["ada", "vera"]);
    // The restored database is one the app opens and migrates as usual.
    const reopened = openDatabase(path.join(crashedDir, "sounding.db"));
    await migrate(reopened);
    expect((await reopened.selectFrom("users").select("name").execute()).map((user) => user.name)).toEqual(["ada", "eddie"]);
    await reopened.destroy();
  });

  it("restores into an empty DATA_DIR", async () => {
    const { file } = await backupDatabase({ dataDir: await dataDirWith(["ada"]) });
    const fresh = path.join(tempFolder(), "data");
    expect(restoreDatabase({ dataDir: fresh, file }).previous).toBeNull();
    expect(userNames(path.join(fresh, "sounding.db"))).toEqual(["ada"]);
  });

  it("refuses while a live process holds the pid file, and ignores a pid file left by one that is gone", async () => {
    const dataDir = await dataDirWith(["ada"]);
    const { file } = await backupDatabase({ dataDir });
    writeFileSync(path.join(dataDir, "server.pid"), `${process.pid}\n`);
    expect(() => restoreDatabase({ dataDir, file })).toThrow(`A Sounding server (process ${process.pid}) is running on ${dataDir}. Stop the server first`);
    expect(readdirSync(dataDir).sort()).toEqual(["backups", "server.pid", "sounding.db"]);

    writeFileSync(path.join(dataDir, "server.pid"), `${deadPid()}\n`);
    expect(restoreDatabase({ dataDir, file }).previous).toMatch(/before-restore-\d{8}-\d{6}$/);
  });

  it("refuses a file that is not a SQLite database, a damaged one, or one that is not Sounding's, changing nothing", async () => {
    const dataDir = await dataDirWith(["ada"]);
    const elsewhere = tempFolder();
    const notSqlite = path.join(elsewhere, "notes.db");
    writeFileSync(notSqlite, "name,email\nada,ada@example.com\n");
    const foreign = path.join(elsewhere, "foreign.db");
    const other = new SQLite(foreign);
    other.exec("CREATE TABLE things (id INTEGER PRIMARY KEY)");
    other.close();
    const truncated = path.join(elsewhere, "truncated.db");
    const { file } = await backupDatabase({ dataDir, out: path.join(elsewhere, "good.db") });
    writeFileSync(truncated, readFileSync(file).subarray(0, 3 * 4096));

    const refusal = (backup: string) => {
      try {
        restoreDatabase({ dataDir, file: backup });
      } catch (error) {
        expect(error).toBeInstanceOf(BackupError);
        return (error as Error).message;
      }
      throw new Error(`${backup} was restored`);
    };
    expect(refusal(notSqlite)).toBe(`${notSqlite} is not a SQLite database, so it is not a Sounding backup.`);
    expect(refusal(foreign)).toBe(`${foreign} is a SQLite database but not one of Sounding's (it has no kysely_migration table).`);
    expect(refusal(truncated)).toMatch(/truncated\.db (failed SQLite's integrity check|cannot be opened)/);
    expect(refusal(path.join(elsewhere, "missing.db"))).toBe(`There is no file at ${path.join(elsewhere, "missing.db")}.`);
    expect(readdirSync(dataDir).sort()).toEqual(["sounding.db"]);
    expect(userNames(path.join(dataDir, "sounding.db"))).toEqual(["ada"]);
  });

  it("refuses a backup made by a newer Sounding (a migration this one does not know)", async () => {
    const dataDir = await dataDirWith([]);
    const { file } = await backupDatabase({ dataDir });
    const newer = new SQLite(file);
    newer.prepare("INSERT INTO kysely_migration (name, timestamp) VALUES ('999-from-the-future', '2030-01-01')").run();
    newer.close();
    expect(() => restoreDatabase({ dataDir, file })).toThrow("migration 999-from-the-future is unknown to this one). Upgrade Sounding first.");
    expect(existsSync(path.join(dataDir, "sounding.db"))).toBe(true);
  });
});

describe("file names", () => {
  it("stamps UTC time as YYYYMMDD-HHMMSS", () => {
    expect(fileStamp(new Date("2024-12-31T23:59:58.999Z"))).toBe("20241231-235958");
  });
});
