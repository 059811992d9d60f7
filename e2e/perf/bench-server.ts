/**
 * Shared by the benchmarks: start the standalone simulator and a production Sounding server connected to
 * it (fresh DATA_DIR, loopback only), create the admin, and stop everything by PID at the end.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { buildIfNeeded, root, serveScript } from "../../scripts/build-if-needed.mjs";
import { startSimulatorServer } from "../../lib/simulator/server";

export type BenchStack = {
  appUrl: string;
  simUrl: string;
  cookie: string;
  /** The production server's process id (its memory and CPU under /proc/<pid>). */
  pid: number;
  stop(): Promise<void>;
};

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

export async function startBenchStack(options: { appPort: number; simPort: number; latencyMs: number; env?: Record<string, string> }): Promise<BenchStack> {
  if (buildIfNeeded() !== 0) throw new Error("the production build failed");
  const token = "bench-token-0123456789";
  const sim = await startSimulatorServer({ port: options.simPort, host: "127.0.0.1", token, latencyMs: options.latencyMs });
  const dataDir = mkdtempSync(path.join(os.tmpdir(), "sounding-bench-"));
  const appUrl = `http://127.0.0.1:${options.appPort}`;
  // BENCH_CPU_PROF_DIR=/tmp/prof: the server writes a V8 CPU profile there when it stops (to find where the time goes).
  const profile = process.env.BENCH_CPU_PROF_DIR ? ["--cpu-prof", `--cpu-prof-dir=${process.env.BENCH_CPU_PROF_DIR}`] : [];
  const app: ChildProcess = spawn(process.execPath, [...profile, serveScript], {
    cwd: root,
    env: {
      ...process.env,
      PORT: String(options.appPort),
      HOST: "127.0.0.1",
      NODE_ENV: "production",
      NEXT_TELEMETRY_DISABLED: "1",
      DATA_DIR: dataDir,
      FATHOM_API_TOKEN: token,
      FATHOM_API_BASE_URL: `${sim.url}/v1`,
      ...options.env,
    },
    stdio: ["ignore", "ignore", "inherit"],
  });
  const stop = async () => {
    app.kill("SIGTERM");
    await sim.close();
    rmSync(dataDir, { recursive: true, force: true });
  };
  try {
    await waitFor(`${appUrl}/api/health`, 60_000);
    const setup = await fetch(`${appUrl}/api/setup`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ name: "Bench Admin", email: "bench@example.com", password: "bench password 123" }),
    });
    if (!setup.ok) throw new Error(`setup answered ${setup.status}`);
    const cookie = (setup.headers.get("set-cookie") ?? "").split(";")[0]!;
    return { appUrl, simUrl: sim.url, cookie, pid: app.pid!, stop };
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
