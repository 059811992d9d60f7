/**
 * A Sounding server of a spec's own, on its own standalone simulator and throwaway DATA_DIR, for journeys
 * that must read the simulator's log without other specs' requests in it, inject faults, measure the
 * server's memory or kill it. Loopback only; every process is stopped by its PID.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import os from "node:os";
import path from "node:path";
import { root, serveScript } from "../../scripts/build-if-needed.mjs";
import { startSimulatorServer, type SimulatorServer } from "../../lib/simulator/server";
import type { SimulatorServerOptions } from "../../lib/simulator/server";
import type { RequestLogEntry } from "../../lib/simulator/simulator";

export const OWN_TOKEN = "own-stack-fathom-token-7c1e";

/** A free loopback port (asked of the OS, then released for the server to take). */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

async function waitUntilUp(url: string, child: ChildProcess, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the server exited with ${child.exitCode} before it was up`);
    try {
      if ((await fetch(`${url}/api/health`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`${url} did not come up within ${timeoutMs} ms`);
}

export type OwnServer = {
  url: string;
  port: number;
  dataDir: string;
  pid(): number;
  /** Resident memory of the server process, in MiB (from /proc). */
  rssMiB(): number;
  /** Everything the server printed so far. */
  output(): string;
  /** Stops it (SIGTERM, then SIGKILL), by PID. */
  stop(): Promise<void>;
  /** Kills it at once (SIGKILL): no shutdown code runs. */
  kill9(): Promise<void>;
  /** Starts it again on the same port and DATA_DIR. */
  restart(): Promise<void>;
};

export type OwnServerOptions = { simUrl?: string; env?: Record<string, string>; dataDir?: string };

/** A production Sounding server (scripts/serve.mjs; the build must exist) connected to `simUrl`. */
export async function startOwnServer(options: OwnServerOptions = {}): Promise<OwnServer> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const dataDir = options.dataDir ?? mkdtempSync(path.join(os.tmpdir(), "sounding-own-"));
  let child: ChildProcess;
  let printed = "";
  const exited = () => new Promise<void>((resolve) => (child.exitCode !== null || child.signalCode !== null ? resolve() : child.once("exit", () => resolve())));

  async function start() {
    child = spawn(process.execPath, [serveScript], {
      cwd: root,
      env: {
        ...process.env,
        NODE_ENV: "production",
        NEXT_TELEMETRY_DISABLED: "1",
        PORT: String(port),
        HOST: "127.0.0.1",
        DATA_DIR: dataDir,
        FATHOM_API_TOKEN: options.simUrl ? OWN_TOKEN : "",
        ...(options.simUrl ? { FATHOM_API_BASE_URL: `${options.simUrl}/v1` } : {}),
        ...options.env,
      },
      stdio: ["ignore", "pipe", "pipe"],
    });
    child.stdout?.on("data", (chunk) => (printed += String(chunk)));
    child.stderr?.on("data", (chunk) => (printed += String(chunk)));
    await waitUntilUp(url, child, 60_000);
  }

  await start();
  const signal = async (name: NodeJS.Signals) => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    process.kill(child.pid!, name);
    await exited();
  };
  return {
    url,
    port,
    dataDir,
    pid: () => child.pid!,
    rssMiB: () => {
      const status = readFileSync(`/proc/${child.pid}/status`, "utf8");
      return Number(/VmRSS:\s+(\d+) kB/.exec(status)?.[1] ?? 0) / 1024;
    },
    output: () => printed,
    stop: async () => {
      const timer = setTimeout(() => void signal("SIGKILL"), 5_000);
      await signal("SIGTERM");
      clearTimeout(timer);
      if (!options.dataDir) rmSync(dataDir, { recursive: true, force: true });
    },
    kill9: () => signal("SIGKILL"),
    restart: start,
  };
}

/** A standalone simulator in this test process, on a free port. */
export async function startOwnSimulator(options: SimulatorServerOptions = {}): Promise<SimulatorServer> {
  return startSimulatorServer({ port: await freePort(), host: "127.0.0.1", token: OWN_TOKEN, rateLimits: false, ...options });
}

/** One entry of the simulator's request log. */
export type SimLogEntry = RequestLogEntry;

/** Marks the simulator's request log: `since()` gives what it received after the mark. */
export function markOf(sim: SimulatorServer) {
  const seen = sim.simulator.control.requests().length;
  return { since: (): SimLogEntry[] => sim.simulator.control.requests().slice(seen) as SimLogEntry[] };
}
