/**
 * A throwaway PostgreSQL and Redis for a spec or a benchmark that runs several Sounding instances.
 *
 * PostgreSQL: with TEST_DATABASE_URL (CI's throwaway server on loopback), a fresh database on it, dropped at
 * the end; without, a server of our own (initdb + postgres on a free loopback port, fsync off, trust auth,
 * run as the `postgres` user when we are root), stopped by its PID. Redis: with TEST_REDIS_URL, a logical
 * database of its own (1-15, an empty one when there is one), flushed at start and at the end; without, a
 * redis-server of our own, no persistence, stopped by its PID. No URL with a password is ever printed.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { accessSync, chownSync, constants, existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { Redis } from "ioredis";
import pg from "pg";
import { freePort } from "./own-stack";

export type Engines = {
  /** `postgres://…` for DATABASE_URL. */
  databaseUrl: string;
  /** `redis://…/N` for REDIS_URL. */
  redisUrl: string;
  /** Where each came from, for a report line (never a URL). */
  describe: string;
  stop(): Promise<void>;
};

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
const isRoot = () => process.getuid?.() === 0;

/** A PostgreSQL program: on PATH, else the newest /usr/lib/postgresql/<version>/bin. */
function postgresBinary(name: string): string {
  const onPath = (process.env.PATH ?? "").split(path.delimiter).filter(Boolean).map((dir) => path.join(dir, name));
  const versions = existsSync("/usr/lib/postgresql")
    ? readdirSync("/usr/lib/postgresql")
        .filter((version) => /^\d+$/.test(version))
        .sort((a, b) => Number(b) - Number(a))
        .map((version) => path.join("/usr/lib/postgresql", version, "bin", name))
    : [];
  for (const candidate of [...onPath, ...versions]) {
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      // not this one
    }
  }
  throw new Error(`No ${name} found on PATH or in /usr/lib/postgresql/*/bin: install PostgreSQL, or set TEST_DATABASE_URL.`);
}

/** A child process we started, with what it printed, stopped by its PID. */
type Owned = { child: ChildProcess; output(): string; exited(): Promise<void>; stop(signal?: NodeJS.Signals): Promise<void> };

function own(command: string, args: string[], cwd?: string): Owned {
  // In a folder of its own: the postgres user may not be allowed into ours.
  const child = spawn(command, args, { cwd, stdio: ["ignore", "pipe", "pipe"] });
  let printed = "";
  child.stdout?.on("data", (chunk) => (printed += String(chunk)));
  child.stderr?.on("data", (chunk) => (printed += String(chunk)));
  child.once("error", (error) => (printed += `\n${error.message}`));
  const gone = () => child.exitCode !== null || child.signalCode !== null;
  const exited = () => new Promise<void>((resolve) => (gone() ? resolve() : child.once("exit", () => resolve())));
  return {
    child,
    output: () => printed,
    exited,
    // SIGTERM (or `signal`), then SIGKILL if it has not exited after 10 s; always by the child's PID.
    async stop(signal: NodeJS.Signals = "SIGTERM") {
      if (gone() || child.pid === undefined) return;
      const pid = child.pid;
      const send = (name: NodeJS.Signals) => {
        try {
          if (!gone()) process.kill(pid, name);
        } catch {
          // it exited meanwhile
        }
      };
      const timer = setTimeout(() => send("SIGKILL"), 10_000);
      send(signal);
      await exited();
      clearTimeout(timer);
    },
  };
}

/** `command args…` run to its end (as the postgres user when we are root); throws with its output when it fails. */
async function run(command: string, args: string[], cwd: string): Promise<void> {
  const job = own(...asPostgres(command, args), cwd);
  await job.exited();
  if (job.child.exitCode !== 0) throw new Error(`${path.basename(command)} failed (${job.child.exitCode ?? job.child.signalCode}):\n${job.output()}`);
}

/** PostgreSQL refuses to run as root: `setpriv` drops to the postgres user (it execs, so the PID is the program's own). */
function asPostgres(command: string, args: string[]): [string, string[]] {
  return isRoot() ? ["setpriv", ["--reuid=postgres", "--regid=postgres", "--init-groups", "--", command, ...args]] : [command, args];
}

async function untilConnects(url: string, server: Owned | null, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (server && server.child.exitCode !== null) throw new Error(`postgres exited with ${server.child.exitCode} before it accepted connections:\n${server.output()}`);
    const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2_000 });
    try {
      await client.connect();
      await client.query("select 1");
      return;
    } catch (error) {
      if (Date.now() > deadline) throw new Error(`PostgreSQL did not accept connections within ${timeoutMs} ms: ${(error as Error).message}`);
    } finally {
      await client.end().catch(() => undefined);
    }
    await sleep(200);
  }
}

type Postgres = { url: string; describe: string; stop(): Promise<void> };

/** A fresh database on the server of `serverUrl` (TEST_DATABASE_URL); stop() drops it, closing what is still connected. */
async function freshDatabaseOn(serverUrl: string): Promise<Postgres> {
  const name = `sounding_e2e_${randomBytes(6).toString("hex")}`;
  const admin = async (statement: string) => {
    const client = new pg.Client({ connectionString: serverUrl });
    try {
      await client.connect();
      await client.query(statement);
    } finally {
      await client.end().catch(() => undefined);
    }
  };
  await admin(`CREATE DATABASE "${name}"`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    describe: `a fresh database on TEST_DATABASE_URL's server (${url.hostname}:${url.port || 5432})`,
    stop: () => admin(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`),
  };
}

/** A PostgreSQL server of our own in a temporary folder, on a free loopback port. */
async function ownPostgres(): Promise<Postgres> {
  const initdb = postgresBinary("initdb");
  const postgres = postgresBinary("postgres");
  const folder = mkdtempSync(path.join(os.tmpdir(), "sounding-pg-"));
  if (isRoot()) chownSync(folder, Number(await idOf("-u")), Number(await idOf("-g")));
  const data = path.join(folder, "data");
  let server: Owned | null = null;
  const stop = async () => {
    // SIGTERM is PostgreSQL's "smart" shutdown (it waits for clients); SIGINT, its "fast" one, if that takes long.
    if (server) {
      const smart = server.stop("SIGTERM");
      const pid = server.child.pid;
      const fast = setTimeout(() => {
        try {
          if (pid !== undefined && server?.child.exitCode === null && server.child.signalCode === null) process.kill(pid, "SIGINT");
        } catch {
          // it exited meanwhile
        }
      }, 3_000);
      await smart;
      clearTimeout(fast);
    }
    rmSync(folder, { recursive: true, force: true });
  };
  try {
    await run(initdb, ["-D", data, "-U", "postgres", "--auth=trust", "--encoding=UTF8", "--no-sync"], folder);
    const port = await freePort();
    server = own(...asPostgres(postgres, ["-D", data, "-p", String(port), "-k", folder, "-c", "listen_addresses=127.0.0.1", "-c", "fsync=off"]), folder);
    const url = `postgres://postgres@127.0.0.1:${port}/postgres`;
    await untilConnects(url, server, 30_000);
    return { url, describe: `a throwaway PostgreSQL (${path.basename(postgres)} on 127.0.0.1:${port})`, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

/** The postgres user's uid (`-u`) or gid (`-g`). */
async function idOf(flag: "-u" | "-g"): Promise<string> {
  const job = own("id", [flag, "postgres"]);
  await job.exited();
  const id = job.output().trim();
  if (job.child.exitCode !== 0 || !/^\d+$/.test(id)) throw new Error("Running as root needs a `postgres` user to run PostgreSQL as (or set TEST_DATABASE_URL).");
  return id;
}

type RedisEngine = { url: string; describe: string; stop(): Promise<void> };

async function withRedis<T>(url: string, work: (client: Redis) => Promise<T>): Promise<T> {
  const client = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 0, enableOfflineQueue: false, connectTimeout: 2_000, retryStrategy: () => null });
  client.on("error", () => undefined);
  try {
    await client.connect();
    return await work(client);
  } finally {
    client.disconnect();
  }
}

/** A logical database of TEST_REDIS_URL's server: a random empty one of 1-15 when there is one, else a random one. */
async function freshRedisDatabaseOn(serverUrl: string): Promise<RedisEngine> {
  const numbered = (n: number) => {
    const url = new URL(serverUrl);
    url.pathname = `/${n}`;
    return url.toString();
  };
  const order = Array.from({ length: 15 }, (_, i) => i + 1).sort(() => Math.random() - 0.5);
  let chosen = order[0]!;
  for (const n of order) {
    if ((await withRedis(numbered(n), (client) => client.dbsize())) === 0) {
      chosen = n;
      break;
    }
  }
  const url = numbered(chosen);
  await withRedis(url, (client) => client.flushdb());
  const where = new URL(serverUrl);
  return {
    url,
    describe: `logical database ${chosen} of TEST_REDIS_URL's server (${where.hostname}:${where.port || 6379})`,
    stop: async () => void (await withRedis(url, (client) => client.flushdb())),
  };
}

/** A redis-server of our own on a free loopback port, nothing written to disk. */
async function ownRedis(): Promise<RedisEngine> {
  const port = await freePort();
  const folder = mkdtempSync(path.join(os.tmpdir(), "sounding-redis-"));
  const server = own("redis-server", ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--dir", folder]);
  const stop = async () => {
    await server.stop("SIGTERM");
    rmSync(folder, { recursive: true, force: true });
  };
  const url = `redis://127.0.0.1:${port}`;
  const deadline = Date.now() + 15_000;
  try {
    for (;;) {
      if (server.child.exitCode !== null || server.child.signalCode !== null) throw new Error(`redis-server exited before it answered:\n${server.output()}`);
      try {
        if ((await withRedis(url, (client) => client.ping())) === "PONG") break;
      } catch (error) {
        if (Date.now() > deadline) throw new Error(`redis-server did not answer within 15 s: ${(error as Error).message}`);
      }
      await sleep(100);
    }
  } catch (error) {
    await stop();
    throw error;
  }
  return { url, describe: `a throwaway redis-server (127.0.0.1:${port})`, stop };
}

/** PostgreSQL and Redis for one spec or bench; `stop()` drops, flushes or stops what was made. */
export async function startEngines(): Promise<Engines> {
  const [postgres, redis] = await Promise.allSettled([
    process.env.TEST_DATABASE_URL ? freshDatabaseOn(process.env.TEST_DATABASE_URL) : ownPostgres(),
    process.env.TEST_REDIS_URL ? freshRedisDatabaseOn(process.env.TEST_REDIS_URL) : ownRedis(),
  ]);
  if (postgres.status === "rejected" || redis.status === "rejected") {
    if (postgres.status === "fulfilled") await postgres.value.stop().catch(() => undefined);
    if (redis.status === "fulfilled") await redis.value.stop().catch(() => undefined);
    throw postgres.status === "rejected" ? postgres.reason : (redis as PromiseRejectedResult).reason;
  }
  return {
    databaseUrl: postgres.value.url,
    redisUrl: redis.value.url,
    describe: `PostgreSQL: ${postgres.value.describe}; Redis: ${redis.value.describe}`,
    stop: async () => {
      const results = await Promise.allSettled([postgres.value.stop(), redis.value.stop()]);
      const failed = results.find((result) => result.status === "rejected");
      if (failed) throw (failed as PromiseRejectedResult).reason;
    },
  };
}
