/**
 * `npm run bench:load` (issue 13, "Under load"): a client share under a crowd, beside signed-in explorers.
 *
 * Starts the standalone simulator (150 ms latency, Fathom's rate limits lifted: this measures serving, not
 * the budget, and the cold warm-up would otherwise queue for minutes) and the production server, then through
 * Sounding's own API saves the weekly dashboard's 8 reports on a dashboard, shares it (ranges last 30 days,
 * the default, and last 7 days), and gives each explorer an account (./load-setup.ts). Then (./load-run.ts):
 * 1. warm-up: the share page once, its data route once per range, each explorer query once (the cold cost);
 * 2. mixed phase, `--duration` s: V share viewers (default 200) in closed loops, each fetching the page
 *    `GET /share/<slug>` then its data `GET /share/<slug>/data?range=…` (last 7 days one time in five), and
 *    E explorers (default 20) running two saved queries (last month) by `GET /api/reports/run` with their own cookies;
 * 3. throughput, same server, same run: C clients (default 64) for `--compare-seconds` on `GET /api/health`
 *    only, then as long on the cached share data route only.
 * Prints requests, errors by status, p50/p95/p99 per kind, upstream requests (the simulator's log) against
 * the distinct questions, the server's peak memory and CPU beside the bench's (which side was the
 * bottleneck), and the targets: 0 errors, upstream = distinct queries, cached share data ≥ 70 % of the health
 * route's throughput. Writes the figures as JSON under bench-results/ and prints that file's path last.
 *
 * Every request asks for gzip, as a browser does (`--no-compression` to see what compressing costs).
 *
 *   npm run bench:load -- --duration 60 --viewers 200 --explorers 20 --compare-seconds 10 --compare-clients 64
 */
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { startBenchStack } from "./bench-server";
import { printLoad } from "./load-report";
import { runLoad } from "./load-run";

const { values: args } = parseArgs({
  options: {
    duration: { type: "string", default: "60" },
    viewers: { type: "string", default: "200" },
    explorers: { type: "string", default: "20" },
    "compare-seconds": { type: "string", default: "10" },
    "compare-clients": { type: "string", default: "64" },
    connections: { type: "string", default: "256" },
    "latency-ms": { type: "string", default: "150" },
    "app-port": { type: "string", default: "13970" },
    "sim-port": { type: "string", default: "18970" },
    site: { type: "string", default: "CDBUGS" },
    // Browsers ask for gzip, so by default the server compresses as it would for them; this shows what that costs.
    "no-compression": { type: "boolean", default: false },
  },
});

function writeResult(name: string, result: unknown) {
  const dir = path.resolve("bench-results");
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `${name}-${new Date().toISOString().replace(/[:.]/g, "-")}.json`);
  writeFileSync(file, `${JSON.stringify(result, null, 2)}\n`);
  console.log(file);
}

/** A numeric flag, refused unless it is a number of at least `min`. */
function numberFlag(flag: "duration" | "viewers" | "explorers" | "compare-seconds" | "compare-clients" | "connections" | "latency-ms", min = 1): number {
  const value = Number(args[flag]);
  if (!Number.isFinite(value) || value < min) throw new Error(`--${flag} must be a number of at least ${min}, not "${args[flag]}"`);
  return value;
}

async function main() {
  const options = {
    duration: numberFlag("duration"),
    viewers: numberFlag("viewers"),
    explorers: numberFlag("explorers", 0),
    compareSeconds: numberFlag("compare-seconds"),
    compareClients: numberFlag("compare-clients"),
    connections: numberFlag("connections"),
    latencyMs: numberFlag("latency-ms", 0),
    site: args.site!,
    compression: !args["no-compression"],
  };
  const stack = await startBenchStack({
    appPort: Number(args["app-port"]),
    simPort: Number(args["sim-port"]),
    latencyMs: options.latencyMs,
    env: { FATHOM_RATE_LIMIT_REPORTS_PER_MINUTE: "1000" },
  });
  try {
    const unlimited = await fetch(`${stack.simUrl}/_sim/config`, { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify({ rateLimits: false }) });
    if (!unlimited.ok) throw new Error(`the simulator refused its config (${unlimited.status})`);
    const result = await runLoad(stack, options);
    printLoad(result);
    writeResult("load", result);
  } finally {
    await stack.stop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
