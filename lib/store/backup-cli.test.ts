/**
 * The backup/restore command line: what it prints, and an exit code for every outcome (0 done, 1 refused,
 * 2 wrong arguments), with DATA_DIR read as the server reads it.
 */
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { main } from "./backup-cli";
import { migrate, openDatabase } from "./db";

const folders: string[] = [];
afterEach(() => {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

async function dataDir(): Promise<string> {
  const folder = mkdtempSync(path.join(tmpdir(), "sounding-cli-"));
  folders.push(folder);
  const db = openDatabase(path.join(folder, "sounding.db"));
  await migrate(db);
  await db.insertInto("users").values({ email: "ada@example.com", name: "Ada", role: "admin", password_hash: "x", created_at: "2024-05-01" }).execute();
  await db.destroy();
  return folder;
}

async function run(argv: string[], env: Record<string, string | undefined>) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, env, { log: (line) => out.push(line), error: (line) => err.push(line) });
  return { code, out: out.join("\n"), err: err.join("\n") };
}

describe("npm run backup / restore", () => {
  it("backs up DATA_DIR and prints the file, its size and the rows per table", async () => {
    const DATA_DIR = await dataDir();
    const out = path.join(DATA_DIR, "copy.db");
    const result = await run(["backup", "--out", out], { DATA_DIR });
    expect(result).toMatchObject({ code: 0, err: "" });
    expect(result.out).toContain(`to ${out} (`);
    expect(result.out).toContain("integrity check: ok");
    expect(result.out).toMatch(/^ {2}users +1$/m);
  });

  it("restores a backup and says where the replaced database is kept", async () => {
    const DATA_DIR = await dataDir();
    const out = path.join(DATA_DIR, "copy.db");
    await run(["backup", "--out", out], { DATA_DIR });
    const result = await run(["restore", out], { DATA_DIR });
    expect(result.code).toBe(0);
    expect(result.out).toMatch(/The database it replaced is kept as .*sounding\.db\.before-restore-\d{8}-\d{6}\./);
  });

  it("answers a refusal with its message and exit code 1", async () => {
    const DATA_DIR = await dataDir();
    const notes = path.join(DATA_DIR, "notes.txt");
    writeFileSync(notes, "not a database");
    expect(await run(["restore", notes], { DATA_DIR })).toEqual({ code: 1, out: "", err: `${notes} is not a SQLite database, so it is not a Sounding backup.` });
    writeFileSync(path.join(DATA_DIR, "server.pid"), String(process.pid));
    expect((await run(["restore", notes], { DATA_DIR })).err).toContain("Stop the server first");
  });

  it("refuses both commands when the store is on PostgreSQL, changing nothing and never printing the URL", async () => {
    const DATA_DIR = await dataDir();
    const out = path.join(DATA_DIR, "copy.db");
    await run(["backup", "--out", out], { DATA_DIR });
    const before = readdirSync(DATA_DIR).sort();
    const DATABASE_URL = "postgres://sounding:hunter2@db.internal/sounding";
    const backup = await run(["backup"], { DATA_DIR, DATABASE_URL });
    expect(backup).toEqual({ code: 1, out: "", err: expect.stringContaining("The store is on PostgreSQL") });
    expect(backup.err).toContain("back it up with pg_dump");
    const restore = await run(["restore", out], { DATA_DIR, DATABASE_URL });
    expect(restore).toEqual({ code: 1, out: "", err: expect.stringContaining("restore it with pg_restore") });
    expect(`${backup.err}${restore.err}`).not.toContain("hunter2");
    expect(readdirSync(DATA_DIR).sort()).toEqual(before);
    expect((await run(["backup", "--out", path.join(DATA_DIR, "again.db")], { DATA_DIR, DATABASE_URL: " " })).code).toBe(0);
  });

  it("answers wrong arguments with the usage and exit code 2", async () => {
    const DATA_DIR = await dataDir();
    for (const argv of [[], ["copy"], ["restore"], ["restore", "a.db", "b.db"], ["backup", "--bogus"], ["backup", "extra"]]) {
      const result = await run(argv, { DATA_DIR });
      expect(result.code, argv.join(" ")).toBe(2);
      expect(result.err).toContain("Usage:\n  npm run backup [-- --out FILE]");
    }
  });

  it("backs up the database of the DATA_DIR in the environment, and says so when there is none", async () => {
    const empty = mkdtempSync(path.join(tmpdir(), "sounding-cli-"));
    folders.push(empty);
    const result = await run(["backup"], { DATA_DIR: empty });
    expect(result).toEqual({ code: 1, out: "", err: expect.stringContaining(`There is no database at ${path.join(empty, "sounding.db")}`) });
  });
});
