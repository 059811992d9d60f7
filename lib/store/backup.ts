/**
 * `npm run backup` and `npm run restore` (lib/store/backup-cli.ts): a consistent copy of
 * `DATA_DIR/sounding.db` taken while the server runs, and putting one back while it is stopped. CLI-only:
 * no Next and no server-only modules; SQLite is opened directly with better-sqlite3.
 */
import { closeSync, copyFileSync, existsSync, mkdirSync, openSync, readSync, renameSync, rmSync, statSync } from "node:fs";
import path from "node:path";
import SQLite from "better-sqlite3";
import { z } from "zod";
import { pidFilePath, runningServerPid } from "@/lib/server/pid-file";
import { MIGRATIONS } from "./migrations/index-list";

export const DATABASE_FILE = "sounding.db";
/** Kysely's record of the migrations applied: every database Sounding made has it. */
export const MIGRATIONS_TABLE = "kysely_migration";

/** A refusal or failure with a message for the person at the terminal; nothing was changed. */
export class BackupError extends Error {
  override name = "BackupError";
}

/** Rows per table, by table name (Kysely's own bookkeeping tables left out). */
export type TableCounts = Record<string, number>;
export type BackupReport = { file: string; bytes: number; tables: TableCounts };
export type RestoreReport = { from: string; database: string; previous: string | null; tables: TableCounts };

/** `20240501-100005`, UTC: sorts by time and is safe in a file name. */
export function fileStamp(date: Date): string {
  return date.toISOString().slice(0, 19).replace(/-|:/g, "").replace("T", "-");
}

/** Copy every remaining page in one step: one consistent snapshot, and WAL lets the server keep writing. */
const ALL_PAGES = 0x7fffffff;
const SQLITE_HEADER = "SQLite format 3\0";

const stringsSchema = z.array(z.string());
const countSchema = z.number().int();

function removeDatabaseFiles(file: string) {
  for (const suffix of ["", "-wal", "-shm", "-journal"]) rmSync(`${file}${suffix}`, { force: true });
}

const message = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** "ok", or what SQLite found wrong (a file damaged enough makes the check itself fail). */
function integrity(db: SQLite.Database): string {
  try {
    return stringsSchema.parse(db.prepare("PRAGMA integrity_check").pluck().all()).join("; ");
  } catch (error) {
    return message(error);
  }
}

function tableCounts(db: SQLite.Database): TableCounts {
  const names = stringsSchema.parse(
    db
      .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' AND name NOT LIKE 'kysely\\_%' ESCAPE '\\' ORDER BY name")
      .pluck()
      .all(),
  );
  return Object.fromEntries(names.map((name) => [name, countSchema.parse(db.prepare(`SELECT COUNT(*) FROM "${name.replace(/"/g, '""')}"`).pluck().get())]));
}

/** Checks the finished copy and makes it one self-contained file (no -wal beside it). */
function checkCopy(file: string): TableCounts {
  const copy = new SQLite(file, { fileMustExist: true });
  try {
    const result = integrity(copy);
    if (result !== "ok") throw new BackupError(`The copy failed SQLite's integrity check (${result}), so it was not kept. The database itself may be damaged.`);
    copy.pragma("journal_mode = DELETE");
    return tableCounts(copy);
  } finally {
    copy.close();
  }
}

/**
 * Copies DATA_DIR/sounding.db with SQLite's online backup (safe while the server writes), checks the
 * copy, and only then gives it its name: `out`, or DATA_DIR/backups/sounding-YYYYMMDD-HHMMSS.db.
 */
export async function backupDatabase(options: { dataDir: string; out?: string; now?: Date }): Promise<BackupReport> {
  const source = path.join(options.dataDir, DATABASE_FILE);
  if (!existsSync(source)) {
    throw new BackupError(`There is no database at ${source}. Check DATA_DIR, or start Sounding once so it creates one.`);
  }
  const target = path.resolve(options.out ?? path.join(options.dataDir, "backups", `sounding-${fileStamp(options.now ?? new Date())}.db`));
  if (existsSync(target)) throw new BackupError(`${target} already exists. Choose another file with --out, or move that one away.`);
  if (options.out === undefined) mkdirSync(path.dirname(target), { recursive: true });
  else if (!existsSync(path.dirname(target))) throw new BackupError(`The folder ${path.dirname(target)} does not exist. Create it first.`);

  // A half-written copy only ever carries this name, so it cannot be mistaken for a good backup.
  const partial = `${target}.partial-${process.pid}`;
  removeDatabaseFiles(partial);
  try {
    const db = new SQLite(source, { fileMustExist: true });
    try {
      db.pragma("busy_timeout = 5000");
      await db.backup(partial, { progress: () => ALL_PAGES });
    } finally {
      db.close();
    }
    const tables = checkCopy(partial);
    renameSync(partial, target);
    return { file: target, bytes: statSync(target).size, tables };
  } catch (error) {
    removeDatabaseFiles(partial);
    if (error instanceof BackupError) throw error;
    throw new BackupError(`Could not back up ${source}: ${message(error)}`);
  }
}

function isSqliteFile(file: string): boolean {
  const header = Buffer.alloc(SQLITE_HEADER.length);
  const fd = openSync(file, "r");
  try {
    return readSync(fd, header, 0, header.length, 0) === header.length && header.toString("latin1") === SQLITE_HEADER;
  } finally {
    closeSync(fd);
  }
}

/** Refuses anything that is not an intact Sounding database this version can run. */
function checkBackup(file: string, shownAs: string): TableCounts {
  let db: SQLite.Database;
  try {
    db = new SQLite(file, { fileMustExist: true });
  } catch (error) {
    throw new BackupError(`${shownAs} cannot be opened as a SQLite database (${message(error)}).`);
  }
  try {
    const result = integrity(db);
    if (result !== "ok") throw new BackupError(`${shownAs} failed SQLite's integrity check (${result}). It is damaged; pick another backup.`);
    const hasMigrations = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(MIGRATIONS_TABLE) !== undefined;
    if (!hasMigrations) {
      throw new BackupError(`${shownAs} is a SQLite database but not one of Sounding's (it has no ${MIGRATIONS_TABLE} table).`);
    }
    const applied = stringsSchema.parse(db.prepare(`SELECT name FROM ${MIGRATIONS_TABLE} ORDER BY name`).pluck().all());
    const unknown = applied.filter((name) => !(name in MIGRATIONS));
    if (unknown.length) {
      throw new BackupError(`${shownAs} was made by a newer Sounding (migration ${unknown.join(", ")} is unknown to this one). Upgrade Sounding first.`);
    }
    return tableCounts(db);
  } finally {
    db.close();
  }
}

/**
 * Folds the live database's WAL into it, so the main file alone is the whole database. False when it
 * cannot be opened (then its -wal is kept beside it rather than deleted).
 */
function checkpoint(file: string): boolean {
  try {
    const db = new SQLite(file, { fileMustExist: true });
    try {
      db.pragma("wal_checkpoint(TRUNCATE)");
    } finally {
      db.close();
    }
    return true;
  } catch {
    return false;
  }
}

/**
 * Puts a backup in place of DATA_DIR/sounding.db while no server runs there. The database it replaces
 * is kept as `sounding.db.before-restore-<timestamp>`. Every check is made before anything is changed.
 */
export function restoreDatabase(options: { dataDir: string; file: string; now?: Date }): RestoreReport {
  const from = path.resolve(options.file);
  const database = path.join(options.dataDir, DATABASE_FILE);
  const stamp = fileStamp(options.now ?? new Date());
  if (!existsSync(from) || !statSync(from).isFile()) throw new BackupError(`There is no file at ${from}.`);
  const pid = runningServerPid(options.dataDir);
  if (pid !== null) {
    throw new BackupError(
      `A Sounding server (process ${pid}) is running on ${options.dataDir}. Stop the server first, then restore. ` +
        `(If no server is running, remove ${pidFilePath(options.dataDir)}.)`,
    );
  }
  if (!isSqliteFile(from)) throw new BackupError(`${from} is not a SQLite database, so it is not a Sounding backup.`);
  const previous = existsSync(database) ? `${database}.before-restore-${stamp}` : null;
  if (previous && existsSync(previous)) throw new BackupError(`${previous} already exists. Wait a second and try again.`);

  // Checked as copied into DATA_DIR, so what is checked is exactly what is put in place.
  mkdirSync(options.dataDir, { recursive: true });
  const staging = `${database}.restoring-${stamp}`;
  removeDatabaseFiles(staging);
  let tables: TableCounts;
  try {
    copyFileSync(from, staging);
    tables = checkBackup(staging, from);
  } catch (error) {
    removeDatabaseFiles(staging);
    if (error instanceof BackupError) throw error;
    throw new BackupError(`Could not read ${from}: ${message(error)}`);
  }

  if (previous) {
    const folded = checkpoint(database);
    renameSync(database, previous);
    if (!folded && existsSync(`${database}-wal`)) renameSync(`${database}-wal`, `${previous}-wal`);
    rmSync(`${database}-wal`, { force: true });
    rmSync(`${database}-shm`, { force: true });
  }
  renameSync(staging, database);
  return { from, database, previous, tables };
}
