/**
 * `npm run bench:simulator`: how fast the simulator starts and answers. Prints, in milliseconds:
 * start-up (create + first answer), generating the whole two-year window of every site, a one-year,
 * day-grouped, filtered aggregation cold (its year not generated yet) and warm (median of 9), and the
 * same warm query over HTTP through the standalone server. Wall times on a shared 2-core machine
 * vary with its load; the CPU time of the warm runs is printed too.
 */
import { createSimulator, type Simulator } from "./simulator";
import { startSimulatorServer } from "./server";

const RUNS = 9;
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? NaN;
const ms = (value: number) => value.toFixed(1);

function oneYearQuery(): string {
  const today = new Date();
  const yearAgo = new Date(today.getTime() - 365 * 86_400_000);
  const params = new URLSearchParams({
    entity: "pageview",
    entity_id: "CDBUGS",
    aggregates: "pageviews,visits,uniques,avg_duration,bounce_rate",
    date_grouping: "day",
    date_from: `${yearAgo.toISOString().slice(0, 10)} 00:00:00`,
    date_to: `${today.toISOString().slice(0, 10)} 23:59:59`,
    filters: JSON.stringify([
      { property: "pathname", operator: "is like", value: "/blog/*" },
      { property: "device_type", operator: "is", value: "Desktop" },
    ]),
    sort_by: "timestamp:asc",
  });
  return `/v1/aggregations?${params}`;
}

/** CPU time of this process during the last `timed` call: on a shared machine, steadier than wall time. */
let lastCpuMs = 0;

async function timed(run: () => Promise<Response>): Promise<number> {
  const cpu = process.cpuUsage();
  const started = performance.now();
  const response = await run();
  const rows = (await response.json()) as unknown[];
  if (response.status !== 200 || !Array.isArray(rows) || rows.length < 300) throw new Error(`unexpected answer ${response.status}`);
  const used = process.cpuUsage(cpu);
  lastCpuMs = (used.user + used.system) / 1000;
  return performance.now() - started;
}

const inProcess = (simulator: Simulator, path: string) => () =>
  simulator.handle(new Request(`http://simulator.local${path}`, { headers: { Authorization: "Bearer sim-token" } }));

const query = oneYearQuery();
const started = performance.now();
const simulator = createSimulator({ rateLimits: false });
await (await inProcess(simulator, "/v1/sites")()).json();
const startup = performance.now() - started;

const cold = await timed(inProcess(simulator, query));
const coldCpu = lastCpuMs;
const warmStarted = performance.now();
const warmUpCpu = process.cpuUsage();
await simulator.control.warmUp();
const generation = performance.now() - warmStarted;
const generationCpu = coldCpu + (process.cpuUsage(warmUpCpu).user + process.cpuUsage(warmUpCpu).system) / 1000;

const warm: number[] = [];
const warmCpu: number[] = [];
for (let i = 0; i < RUNS; i++) {
  warm.push(await timed(inProcess(simulator, query)));
  warmCpu.push(lastCpuMs);
}

const server = await startSimulatorServer({ port: 0, rateLimits: false, warmUp: false });
await server.simulator.control.warmUp();
const overHttp: number[] = [];
for (let i = 0; i < RUNS; i++) {
  overHttp.push(await timed(() => fetch(`${server.url}${query}`, { headers: { Authorization: "Bearer sim-token" } })));
}
await server.close();

console.log(`startup_ms ${ms(startup)}`);
console.log(`dataset_generation_ms ${ms(generation + cold)} (CPU ${ms(generationCpu)}; all 4 sites, 731 days, generated lazily, this is the cost if all of it is asked for)`);
console.log(`one_year_day_filtered_cold_ms ${ms(cold)} (CPU ${ms(coldCpu)}; includes generating the year)`);
console.log(`one_year_day_filtered_median_ms ${ms(median(warm))} (in-process, ${RUNS} runs)`);
console.log(`one_year_day_filtered_cpu_median_ms ${ms(median(warmCpu))} (CPU time of the in-process runs; steadier on a busy machine)`);
console.log(`one_year_day_filtered_http_median_ms ${ms(median(overHttp))} (standalone server over loopback, ${RUNS} runs)`);
