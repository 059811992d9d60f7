/**
 * `npm run bench:budget`: what the upstream budget costs when many people watch one dashboard.
 *
 * Starts the standalone simulator (Fathom's real limits, 150 ms latency) and the production server, then
 * plays one of two scenarios through Sounding's own HTTP routes, for S seconds (default 90):
 * - `viewers` (the default): V viewers (default 50) who open six reports, reload them once a minute and
 *   keep a current-visitors panel polling every 15 s;
 * - `dashboard`: V viewers arriving evenly who each open an 8-tile dashboard whose tiles partly fold
 *   together (./budget-dashboard.ts), against the target "upstream ≤ distinct folded questions ×
 *   freshness periods, never more than the plan's limit in any 60 s, no 429 for a viewer".
 * Prints the upstream requests against the naive count, the busiest 60 s window, 429s, what viewers saw
 * and the latencies, writes the figures as JSON and prints that file's path last.
 *
 * `--instances N` (default 1): N production servers on the one simulator, sharing a throwaway PostgreSQL
 * and Redis (one budget for all), the viewers spread round-robin across them; the figures are the same
 * ones, so they compare with a single instance's. The first line printed says which layout ran.
 *
 *   npm run bench:budget -- --viewers 50 --seconds 90
 *   npm run bench:budget -- --scenario dashboard --seconds 20
 *   npm run bench:budget -- --instances 2
 */
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { defaultReportQuery, type ReportQuery } from "../../lib/query/report-query";
import { encodeReportQuery } from "../../lib/query/url-codec";
import { busiestWindow, printDashboard, runDashboardScenario, type DashboardSite } from "./budget-dashboard";
import { percentile, startBenchStack, type BenchInstance } from "./bench-server";

const { values: args } = parseArgs({
  options: {
    viewers: { type: "string", default: "50" },
    seconds: { type: "string", default: "90" },
    "poll-seconds": { type: "string", default: "15" },
    "latency-ms": { type: "string", default: "150" },
    "app-port": { type: "string", default: "13950" },
    "sim-port": { type: "string", default: "18950" },
    site: { type: "string", default: "CDBUGS" },
    scenario: { type: "string", default: "viewers" },
    // The dashboard's figures are judged against these; the server is started with them.
    "open-period-seconds": { type: "string", default: "60" },
    "reports-per-minute": { type: "string", default: "10" },
    instances: { type: "string", default: "1" },
  },
});
const VIEWERS = Number(args.viewers);
const SECONDS = Number(args.seconds);
const POLL_MS = Number(args["poll-seconds"]) * 1000;
const SITE = args.site!;
const SCENARIO = args.scenario!;
if (SCENARIO !== "viewers" && SCENARIO !== "dashboard") throw new Error(`--scenario is viewers or dashboard, not "${SCENARIO}"`);
const INSTANCES = Number(args.instances);
if (!Number.isInteger(INSTANCES) || INSTANCES < 1) throw new Error(`--instances is a whole number from 1 up, not "${args.instances}"`);

type SimLogEntry = { at: string; path: string; status: number };
type Sample = { route: "report" | "visitors"; ms: number; status: number; cached?: boolean; stale?: boolean };

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A Plausible-style dashboard: the main chart, top pages, sources, countries, devices, and a goal. */
function dashboard(eventName: string | undefined): ReportQuery[] {
  const base = defaultReportQuery(SITE);
  const top = (field: ReportQuery["by"][number]): ReportQuery => ({
    ...base,
    grouping: "none",
    by: [field],
    sort: { field: "pageviews", direction: "desc" },
    limit: 10,
  });
  const reports: ReportQuery[] = [
    { ...base, grouping: "day" },
    top("pathname"),
    top("referrer_source"),
    top("country_code"),
    top("device_type"),
  ];
  reports.push(
    eventName
      ? { ...base, entity: "event", event: eventName, metrics: ["conversions", "value"], grouping: "day" }
      : { ...base, range: { preset: "last_month" }, grouping: "day" },
  );
  return reports;
}

function writeResult(name: string, result: unknown) {
  const dir = path.resolve("bench-results");
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `${name}-${new Date().toISOString().replace(/[:.]/g, "-")}.json`);
  writeFileSync(file, `${JSON.stringify(result, null, 2)}\n`);
  console.log(file);
}

async function main() {
  const stack = await startBenchStack({
    appPort: Number(args["app-port"]),
    simPort: Number(args["sim-port"]),
    latencyMs: Number(args["latency-ms"]),
    instances: INSTANCES,
    env:
      SCENARIO === "dashboard"
        ? { CACHE_OPEN_PERIOD_SECONDS: args["open-period-seconds"]!, FATHOM_RATE_LIMIT_REPORTS_PER_MINUTE: args["reports-per-minute"]! }
        : undefined,
  });
  const headers = { cookie: stack.cookie, accept: "application/json" };
  /** What a viewer's browser sends to its server (the admin's cookie there). */
  const headersOn = (server: BenchInstance) => ({ cookie: server.cookie, accept: "application/json" });
  /**
   * Viewer i's server: round-robin, as a load balancer would spread them, by pairs of viewers so that every
   * server has viewers of both current-visitors panels (even viewers poll the detailed one).
   */
  const serverOf = (index: number) => stack.instances[Math.floor(index / 2) % stack.instances.length]!;
  console.log(`layout: ${stack.layout}`);
  try {
    const simStart = ((await (await fetch(`${stack.simUrl}/_sim/requests`)).json()) as SimLogEntry[]).length;
    // What a person does first: open the Sites page (management requests, counted separately).
    const sites = (await (await fetch(`${stack.appUrl}/api/sites`, { headers })).json()) as { sites?: DashboardSite[] };
    const site = sites.sites?.find((candidate) => candidate.id === SITE);
    if (SCENARIO === "dashboard") {
      if (!site) throw new Error(`the simulator has no site ${SITE}`);
      const result = await runDashboardScenario(stack, {
        viewers: VIEWERS,
        seconds: SECONDS,
        site,
        servers: stack.instances.map((server) => ({ url: server.url, headers: headersOn(server) })),
        openPeriodSeconds: Number(args["open-period-seconds"]),
        reportsPerMinute: Number(args["reports-per-minute"]),
      });
      printDashboard(result);
      writeResult("budget-dashboard", { instances: INSTANCES, layout: stack.layout, ...result });
      return;
    }
    const eventName = site?.events?.[0]?.name;
    const queries = dashboard(eventName);
    const reportsOn = (server: BenchInstance) => queries.map((query) => `${server.url}/api/reports/run?${encodeReportQuery(query)}`);
    const reports = reportsOn(stack.instances[0]!);

    const samples: Sample[] = [];
    let naive = 0;
    const timed = async (route: Sample["route"], url: string, on: Record<string, string>) => {
      naive++;
      const started = performance.now();
      try {
        const response = await fetch(url, { headers: on });
        const body = (await response.json()) as { meta?: { cached?: boolean; stale?: boolean } };
        samples.push({ route, ms: performance.now() - started, status: response.status, cached: body.meta?.cached, stale: body.meta?.stale });
      } catch {
        samples.push({ route, ms: performance.now() - started, status: 0 });
      }
    };

    const startedAt = Date.now();
    const endAt = startedAt + SECONDS * 1000;
    const viewer = async (index: number) => {
      // Viewers arrive over the first third of the run; each opens the dashboard, reloads it once a
      // minute, and keeps the current-visitors panel polling.
      await sleep((index / VIEWERS) * (SECONDS * 1000) / 3);
      const detailed = index % 2 === 0;
      const server = serverOf(index);
      const mine = reportsOn(server);
      const visitorsUrl = `${server.url}/api/sites/${SITE}/current-visitors?detailed=${detailed}`;
      let nextDashboard = Date.now();
      let nextPoll = Date.now();
      while (Date.now() < endAt) {
        const now = Date.now();
        const work: Promise<void>[] = [];
        if (now >= nextDashboard) {
          work.push(...mine.map((url) => timed("report", url, headersOn(server))));
          nextDashboard = now + 60_000;
        }
        if (now >= nextPoll) {
          work.push(timed("visitors", visitorsUrl, headersOn(server)));
          nextPoll = now + POLL_MS;
        }
        await Promise.all(work);
        await sleep(Math.max(50, Math.min(nextDashboard, nextPoll) - Date.now()));
      }
    };
    await Promise.all(Array.from({ length: VIEWERS }, (_, index) => viewer(index)));

    // The proxy's own overhead on a warm cache: the same server's report route against a trivial JSON route.
    const overhead = { report: [] as number[], trivial: [] as number[] };
    for (let i = 0; i < 100; i++) {
      for (const [key, url] of [["report", reports[1]!], ["trivial", `${stack.appUrl}/api/health`]] as const) {
        const started = performance.now();
        await (await fetch(url, { headers })).arrayBuffer();
        overhead[key].push(performance.now() - started);
      }
    }

    const log = ((await (await fetch(`${stack.simUrl}/_sim/requests`)).json()) as SimLogEntry[]).slice(simStart);
    const isReport = (entry: SimLogEntry) => /\/v1\/(aggregations|current_visitors)/.test(entry.path);
    const maxReportsPer60s = busiestWindow(log.filter(isReport).map((entry) => Date.parse(entry.at)));
    const cold = samples.filter((s) => s.status === 200 && s.route === "report" && s.cached === false).map((s) => s.ms);
    const warm = samples.filter((s) => s.status === 200 && s.route === "report" && s.cached === true).map((s) => s.ms);
    const upstreamReports = log.filter(isReport).length;
    const upstreamManagement = log.length - upstreamReports;
    const result = {
      instances: INSTANCES,
      layout: stack.layout,
      viewers: VIEWERS,
      seconds: SECONDS,
      naiveRequests: naive,
      naiveByRoute: { reports: samples.filter((s) => s.route === "report").length, currentVisitors: samples.filter((s) => s.route === "visitors").length },
      upstreamRequests: {
        reports: upstreamReports,
        aggregations: log.filter((e) => e.path.includes("/aggregations")).length,
        currentVisitors: log.filter((e) => e.path.includes("/current_visitors")).length,
        management: upstreamManagement,
      },
      ratio: Number((naive / Math.max(1, upstreamReports)).toFixed(1)),
      maxReportsPer60s,
      simulator429s: log.filter((e) => e.status === 429).length,
      viewerErrors: samples.filter((s) => s.status !== 200).length,
      viewer429s: samples.filter((s) => s.status === 429).length,
      staleAnswers: samples.filter((s) => s.stale === true).length,
      latencyMs: {
        coldP50: Math.round(percentile(cold, 50)),
        coldP95: Math.round(percentile(cold, 95)),
        warmP50: Number(percentile(warm, 50).toFixed(1)),
        warmP95: Number(percentile(warm, 95).toFixed(1)),
      },
      overheadMs: { reportP50: Number(percentile(overhead.report, 50).toFixed(2)), trivialP50: Number(percentile(overhead.trivial, 50).toFixed(2)) },
      overheadRatio: Number((percentile(overhead.report, 50) / percentile(overhead.trivial, 50)).toFixed(2)),
    };

    console.log(`viewers ${result.viewers}, ${result.seconds} s, dashboard of ${reports.length} reports + current visitors every ${POLL_MS / 1000} s`);
    console.log(`naive requests (what viewers asked for): ${result.naiveRequests} (${result.naiveByRoute.reports} reports, ${result.naiveByRoute.currentVisitors} current-visitor polls)`);
    console.log(`upstream requests: reports class ${upstreamReports} (aggregations ${result.upstreamRequests.aggregations}, current visitors ${result.upstreamRequests.currentVisitors}), management ${upstreamManagement}`);
    console.log(`naive : upstream (reports class) = ${result.ratio} : 1`);
    console.log(`most upstream report requests in any 60 s window: ${maxReportsPer60s} (limit 10)`);
    console.log(`429s sent by the simulator: ${result.simulator429s}`);
    console.log(`viewer errors: ${result.viewerErrors} (429s: ${result.viewer429s}); stale answers: ${result.staleAnswers}`);
    console.log(`report route latency ms: cold p50 ${result.latencyMs.coldP50} p95 ${result.latencyMs.coldP95}; warm p50 ${result.latencyMs.warmP50} p95 ${result.latencyMs.warmP95}`);
    console.log(`proxy overhead (warm report route vs trivial JSON route, p50): ${result.overheadMs.reportP50} ms vs ${result.overheadMs.trivialP50} ms = ${result.overheadRatio}x`);

    writeResult("budget", result);
  } finally {
    await stack.stop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
