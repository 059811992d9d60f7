/**
 * Shared by the benchmarks: start the standalone simulator and a production Sounding server connected to
 * it (fresh DATA_DIR, loopback only), create the admin, and stop everything by PID at the end. With
 * `instances` ≥ 2, that many servers on the one simulator, sharing a throwaway PostgreSQL and Redis
 * (../support/engines.ts) and one APP_SECRET, each with a DATA_DIR of its own: the admin is created on the
 * first and signs in on each.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { buildIfNeeded, root, serveScript } from "../../scripts/build-if-needed.mjs";
import { startSimulatorServer } from "../../lib/simulator/server";
import { startEngines, type Engines } from "../support/engines";
import { cookiesOf, jsonHeaders } from "../support/team";

/** One production server of the stack, and the admin's cookie on it. */
export type BenchInstance = { url: string; cookie: string; pid: number };

export type BenchStack = {
  /** The first server (the only one unless `instances` ≥ 2). */
  appUrl: string;
  simUrl: string;
  cookie: string;
  /** The first production server's process id (its memory and CPU under /proc/<pid>). */
  pid: number;
  /** Every server, the first first. */
  instances: BenchInstance[];
  /** How the stack is laid out, for the first line of a report. */
  layout: string;
  stop(): Promise<void>;
};

const ADMIN = { name: "Bench Admin", email: "bench@example.com", password: "bench password 123" };

async function waitFor(url: string, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not up yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`${url} did not come up within ${timeoutMs} ms`);
}

/** SIGTERM, then SIGKILL after 10 s; by PID, waiting for the exit. */
async function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const timer = setTimeout(() => child.kill("SIGKILL"), 10_000);
  child.kill("SIGTERM");
  await exited;
  clearTimeout(timer);
}

export type BenchStackOptions = {
  appPort: number;
  simPort: number;
  latencyMs: number;
  env?: Record<string, string>;
  /** Servers to start (default 1); from 2 on, on PostgreSQL + Redis, on ports appPort, appPort + 1, …. */
  instances?: number;
};

export async function startBenchStack(options: BenchStackOptions): Promise<BenchStack> {
  const count = options.instances ?? 1;
  if (!Number.isInteger(count) || count < 1) throw new Error(`instances must be a whole number from 1 up, not ${count}`);
  if (buildIfNeeded() !== 0) throw new Error("the production build failed");
  const token = "bench-token-0123456789";
  const sim = await startSimulatorServer({ port: options.simPort, host: "127.0.0.1", token, latencyMs: options.latencyMs });
  const apps: ChildProcess[] = [];
  const dataDirs: string[] = [];
  let engines: Engines | undefined;
  const stop = async () => {
    await Promise.all(apps.map(stopProcess));
    await sim.close();
    for (const dir of dataDirs) rmSync(dir, { recursive: true, force: true });
    await engines?.stop();
  };
  try {
    // Several instances share the store and the budget, and so one secret (a generated one lives in one DATA_DIR).
    let shared: Record<string, string> = {};
    if (count > 1) {
      engines = await startEngines();
      shared = { DATABASE_URL: engines.databaseUrl, REDIS_URL: engines.redisUrl, APP_SECRET: randomBytes(32).toString("hex") };
    }
    // BENCH_CPU_PROF_DIR=/tmp/prof: each server writes a V8 CPU profile there when it stops (to find where the time goes).
    const profile = process.env.BENCH_CPU_PROF_DIR ? ["--cpu-prof", `--cpu-prof-dir=${process.env.BENCH_CPU_PROF_DIR}`] : [];
    const urls = Array.from({ length: count }, (_, i) => `http://127.0.0.1:${options.appPort + i}`);
    for (let i = 0; i < count; i++) {
      const dataDir = mkdtempSync(path.join(os.tmpdir(), "sounding-bench-"));
      dataDirs.push(dataDir);
      const app: ChildProcess = spawn(process.execPath, [...profile, serveScript], {
        cwd: root,
        env: {
          ...process.env,
          PORT: String(options.appPort + i),
          HOST: "127.0.0.1",
          NODE_ENV: "production",
          NEXT_TELEMETRY_DISABLED: "1",
          DATA_DIR: dataDir,
          FATHOM_API_TOKEN: token,
          FATHOM_API_BASE_URL: `${sim.url}/v1`,
          ...shared,
          ...options.env,
        },
        stdio: ["ignore", "ignore", "inherit"],
      });
      apps.push(app);
    }
    await Promise.all(urls.map((url) => waitFor(`${url}/api/health`, 60_000)));

    const setup = await fetch(`${urls[0]}/api/setup`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify(ADMIN),
    });
    if (!setup.ok) throw new Error(`setup answered ${setup.status}`);
    const cookie = (setup.headers.get("set-cookie") ?? "").split(";")[0]!;
    const instances: BenchInstance[] = [{ url: urls[0]!, cookie, pid: apps[0]!.pid! }];
    for (let i = 1; i < count; i++) {
      const url = urls[i]!;
      const signIn = await fetch(`${url}/api/session`, {
        method: "POST",
        headers: jsonHeaders(url),
        body: JSON.stringify({ email: ADMIN.email, password: ADMIN.password }),
      });
      if (!signIn.ok) throw new Error(`signing in on instance ${i + 1} (${url}) answered ${signIn.status}`);
      instances.push({ url, cookie: cookiesOf(signIn), pid: apps[i]!.pid! });
    }
    const layout = engines ? `${count} instances on PostgreSQL + Redis (${engines.describe})` : "1 instance, SQLite, in-process governor";
    return { appUrl: urls[0]!, simUrl: sim.url, cookie, pid: apps[0]!.pid!, instances, layout, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

export function percentile(values: number[], p: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}
