/**
 * `npm run backup [-- --out FILE]` and `npm run restore -- FILE` (see README, "Backup and restore").
 * DATA_DIR is read from the environment as the server reads it (default ./data). With DATABASE_URL set
 * the store is on PostgreSQL, which has tools of its own: both commands refuse. Exit codes: 0 done,
 * 1 refused or failed (nothing changed), 2 wrong arguments.
 */
import path from "node:path";
import { parseArgs } from "node:util";
import { pathToFileURL } from "node:url";
import { ConfigError, parseEnv } from "@/lib/config/env";
import { BackupError, backupDatabase, DATABASE_FILE, restoreDatabase, type TableCounts } from "./backup";

const USAGE = `Usage:
  npm run backup [-- --out FILE]   copy DATA_DIR/sounding.db (default: DATA_DIR/backups/sounding-YYYYMMDD-HHMMSS.db)
  npm run restore -- FILE          put a backup in place of DATA_DIR/sounding.db (stop the server first)`;

/** Wrong arguments: answered with the usage text and exit code 2. */
class UsageError extends Error {}

export type CliOutput = { log: (line: string) => void; error: (line: string) => void };

function size(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KiB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
}

function countLines(tables: TableCounts): string[] {
  const width = Math.max(0, ...Object.keys(tables).map((name) => name.length));
  return Object.entries(tables).map(([name, count]) => `  ${name.padEnd(width)}  ${count}`);
}

/**
 * What PostgreSQL needs instead. A copy of DATA_DIR/sounding.db would be an old or empty database there,
 * and restoring one would change nothing the servers read, so both refuse before touching anything.
 */
const ON_POSTGRES = {
  backup: "The store is on PostgreSQL (DATABASE_URL is set): back it up with pg_dump. npm run backup copies only a SQLite store in DATA_DIR.",
  restore: "The store is on PostgreSQL (DATABASE_URL is set): restore it with pg_restore. npm run restore puts back only a SQLite store in DATA_DIR.",
};

async function run(command: string | undefined, args: string[], dataDir: string, out: CliOutput, onPostgres: boolean): Promise<number> {
  if (onPostgres && (command === "backup" || command === "restore")) throw new BackupError(ON_POSTGRES[command]);
  if (command === "backup") {
    const { values, positionals } = parseArgs({ args, options: { out: { type: "string" } }, allowPositionals: true });
    if (positionals.length) throw new UsageError(`Unexpected argument ${positionals[0]}.`);
    const report = await backupDatabase({ dataDir, out: values.out });
    out.log(`Backed up ${path.join(dataDir, DATABASE_FILE)}`);
    out.log(`to ${report.file} (${size(report.bytes)}; integrity check: ok). Rows:`);
    for (const line of countLines(report.tables)) out.log(line);
    return 0;
  }
  if (command === "restore") {
    const { positionals } = parseArgs({ args, options: {}, allowPositionals: true });
    if (positionals.length !== 1) throw new UsageError("Name the one backup file to restore.");
    const report = restoreDatabase({ dataDir, file: positionals[0]! });
    out.log(`Restored ${report.from}`);
    out.log(`into ${report.database} (integrity check: ok). Rows:`);
    for (const line of countLines(report.tables)) out.log(line);
    out.log(report.previous ? `The database it replaced is kept as ${report.previous}.` : "There was no database before.");
    out.log("Start the server again with npm start.");
    return 0;
  }
  throw new UsageError(command === undefined ? "Say backup or restore." : `Unknown command ${command}.`);
}

/** Runs one command; every refusal is a message on stderr and a non-zero exit code, never a stack trace. */
export async function main(argv: string[], env: Record<string, string | undefined>, out: CliOutput = console): Promise<number> {
  const [command, ...args] = argv;
  try {
    // Only DATA_DIR matters here: a bad value elsewhere must not stand between an admin and a backup.
    const dataDir = path.resolve(parseEnv({ DATA_DIR: env.DATA_DIR }).DATA_DIR);
    // Set at all (empty counts as unset, as for the server) is enough: the URL itself is never read or printed here.
    const onPostgres = (env.DATABASE_URL ?? "").trim() !== "";
    return await run(command, args, dataDir, out, onPostgres);
  } catch (error) {
    if (error instanceof UsageError || (error instanceof TypeError && "code" in error && String(error.code).startsWith("ERR_PARSE_ARGS"))) {
      out.error(`${error.message}\n${USAGE}`);
      return 2;
    }
    if (error instanceof BackupError || error instanceof ConfigError) {
      out.error(error.message);
      return 1;
    }
    out.error(`Unexpected error: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.exitCode = await main(process.argv.slice(2), process.env);
}
