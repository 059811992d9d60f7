/**
 * `npm run simulator -- --port 8787 --token T`: the Fathom simulator as a standalone server on
 * 127.0.0.1. Prints `simulator listening on http://127.0.0.1:PORT` once ready; stops on SIGTERM/SIGINT.
 *
 *   --port N                 default 8787
 *   --host H                 default 127.0.0.1
 *   --token T                the accepted bearer token, default sim-token
 *   --seed N                 the dataset's seed, default 42
 *   --latency-ms N           added to every answer, default 0
 *   --no-rate-limits         turn off Fathom's rate and concurrency limits
 *   --query-plan-delay-ms N  first-run delay for a new aggregation shape, default 0
 */
import { parseArgs } from "node:util";
import { startSimulatorServer } from "./server";

function number(name: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const parsed = Number(value);
  if (!Number.isFinite(parsed) || parsed < 0) {
    console.error(`--${name} must be a non-negative number, not "${value}"`);
    process.exit(2);
  }
  return parsed;
}

const { values } = parseArgs({
  options: {
    port: { type: "string" },
    host: { type: "string" },
    token: { type: "string" },
    seed: { type: "string" },
    "latency-ms": { type: "string" },
    "no-rate-limits": { type: "boolean" },
    "query-plan-delay-ms": { type: "string" },
  },
  strict: true,
});

let stopping: Promise<void> | null = null;
let close: (() => Promise<void>) | null = null;
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => {
    stopping ??= (close ? close() : Promise.resolve()).then(() => process.exit(0));
  });
}

const server = await startSimulatorServer({
  port: number("port", values.port) ?? 8787,
  host: values.host ?? "127.0.0.1",
  token: values.token,
  seed: number("seed", values.seed),
  latencyMs: number("latency-ms", values["latency-ms"]),
  rateLimits: values["no-rate-limits"] ? false : undefined,
  queryPlanDelayMs: number("query-plan-delay-ms", values["query-plan-delay-ms"]),
});
close = server.close;
console.log(`simulator listening on ${server.url}`);
