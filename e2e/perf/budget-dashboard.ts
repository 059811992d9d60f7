/**
 * The dashboard scenario of `npm run bench:budget -- --scenario dashboard` (issue 12, "a dashboard costs
 * what its distinct questions cost, once"): an 8-tile dashboard, two pairs of tiles foldable together
 * (same site, range, grouping, filters and sort, different metrics), opened by V viewers arriving evenly
 * over S seconds. A viewer opening it fires its 8 tile queries to `GET /api/reports/run` at once, as the
 * dashboard page does, to its server (round-robin when the stack has several instances). What Fathom saw
 * comes from the simulator's request log.
 */
import { foldIdentity } from "../../lib/governor/fold-identity";
import { weeklyDashboardTiles, type WeeklyDashboardTile } from "../../lib/governor/weekly-dashboard";
import type { AggregationParams } from "../../lib/query/aggregation-params";
import { reportTimezone } from "../../lib/query/resolve-range";
import { planReport } from "../../lib/query/to-aggregation-params";
import { encodeReportQuery } from "../../lib/query/url-codec";
import { percentile, type BenchStack } from "./bench-server";

export type SimLogEntry = { at: string; path: string; status: number; query?: Record<string, string> };
export type DashboardSite = { id: string; timezone: string | null; createdAt: string; events?: Array<{ name: string }> };

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The most of `times` (epoch ms) inside any window of `windowMs`. */
export function busiestWindow(times: number[], windowMs = 60_000): number {
  const sorted = [...times].sort((a, b) => a - b);
  let most = 0;
  for (let i = 0, j = 0; i < sorted.length; i++) {
    while (sorted[i]! - sorted[j]! >= windowMs) j++;
    most = Math.max(most, i - j + 1);
  }
  return most;
}

/** JSON with keys sorted at every depth and filters as a set: equal meaning ⇒ equal text. */
function stableKey(value: unknown): string {
  const normal = (item: unknown): unknown => {
    if (Array.isArray(item)) return item.map(normal);
    if (item && typeof item === "object") return Object.fromEntries(Object.keys(item).sort().map((key) => [key, normal((item as Record<string, unknown>)[key])]));
    return item;
  };
  const plain = normal(value) as Record<string, unknown>;
  if (Array.isArray(plain.filters)) plain.filters = plain.filters.map((filter) => JSON.stringify(filter)).sort();
  if (Array.isArray(plain.aggregates)) plain.aggregates = [...plain.aggregates].sort();
  return JSON.stringify(plain);
}

/** The upstream questions the tiles ask (main rows, totals, comparisons): distinct exactly, and distinct once folded. */
export function distinctQuestions(tiles: WeeklyDashboardTile[], site: DashboardSite, now: Date): { exact: number; folded: number } {
  const options = { timezone: reportTimezone(site.timezone), now, earliest: /^\d{4}-\d{2}-\d{2}/.exec(site.createdAt)?.[0] };
  const asked: AggregationParams[] = tiles.flatMap(({ query }) => {
    const plan = planReport(query, options);
    return [plan.main, plan.totals, plan.comparison?.rows ?? null, plan.comparison?.totals ?? null].filter((params) => params !== null);
  });
  return {
    exact: new Set(asked.map((params) => stableKey(params))).size,
    folded: new Set(asked.map((params) => stableKey(foldIdentity(params)))).size,
  };
}

/** A server viewers open the dashboard on, and what their browsers send it. */
export type DashboardServer = { url: string; headers: Record<string, string> };
export type DashboardOptions = { viewers: number; seconds: number; site: DashboardSite; servers: DashboardServer[]; openPeriodSeconds: number; reportsPerMinute: number };
type TileSample = { ms: number; status: number; cached?: boolean; stale?: boolean; upstreamCalls?: number };

export async function runDashboardScenario(stack: BenchStack, options: DashboardOptions) {
  const { viewers, seconds, site, servers } = options;
  const tiles = weeklyDashboardTiles(site.id, site.events?.[0]?.name);
  const urlsOn = (server: DashboardServer) => tiles.map((tile) => `${server.url}/api/reports/run?${encodeReportQuery(tile.query)}`);
  const simStart = ((await (await fetch(`${stack.simUrl}/_sim/requests`)).json()) as SimLogEntry[]).length;
  const questions = distinctQuestions(tiles, site, new Date());

  const samples: TileSample[] = [];
  const opened: number[] = [];
  const openTile = async (url: string, headers: Record<string, string>) => {
    const started = performance.now();
    try {
      const response = await fetch(url, { headers });
      const body = (await response.json()) as { meta?: { cached?: boolean; stale?: boolean; upstreamCalls?: number } };
      samples.push({ ms: performance.now() - started, status: response.status, ...body.meta });
    } catch {
      samples.push({ ms: performance.now() - started, status: 0 });
    }
  };
  const viewer = async (index: number) => {
    await sleep((index / viewers) * seconds * 1000);
    const server = servers[index % servers.length]!;
    const started = performance.now();
    await Promise.all(urlsOn(server).map((url) => openTile(url, server.headers)));
    opened.push(performance.now() - started);
  };
  await Promise.all(Array.from({ length: viewers }, (_, index) => viewer(index)));

  const log = ((await (await fetch(`${stack.simUrl}/_sim/requests`)).json()) as SimLogEntry[]).slice(simStart);
  const isReportsClass = (entry: SimLogEntry) => /\/v1\/(aggregations|current_visitors)/.test(entry.path);
  const aggregations = log.filter((entry) => entry.path.includes("/aggregations")).length;
  const periods = Math.max(1, Math.ceil(seconds / options.openPeriodSeconds));
  const ok = samples.filter((sample) => sample.status === 200).map((sample) => sample.ms);
  const busiest60s = busiestWindow(log.filter(isReportsClass).map((entry) => Date.parse(entry.at)));
  const viewer429s = samples.filter((sample) => sample.status === 429).length;
  // Each folded question (the request without its aggregates) with the seconds into the run it was sent at:
  // a question sent more often than there are freshness periods is where folding or caching missed.
  const runStart = Date.parse(log[0]?.at ?? new Date().toISOString());
  const sent = new Map<string, number[]>();
  for (const entry of log.filter((candidate) => candidate.path.includes("/aggregations"))) {
    const { aggregates: _aggregates, ...rest } = entry.query ?? {};
    const key = JSON.stringify(Object.entries(rest).sort(([a], [b]) => a.localeCompare(b)));
    sent.set(key, [...(sent.get(key) ?? []), Math.round((Date.parse(entry.at) - runStart) / 100) / 10]);
  }
  const repeated = [...sent.entries()].filter(([, times]) => times.length > periods).map(([question, times]) => ({ question, times }));
  return {
    repeated,
    scenario: "dashboard",
    viewers,
    seconds,
    tiles: tiles.map((tile) => tile.title),
    naiveRequests: viewers * tiles.length,
    tileAnswers: samples.length,
    upstreamRequests: { aggregations, reportsClass: log.filter(isReportsClass).length, management: log.length - log.filter(isReportsClass).length },
    distinctQuestions: questions,
    freshnessPeriods: periods,
    target: questions.folded * periods,
    busiest60s,
    reportsPerMinuteLimit: options.reportsPerMinute,
    simulator429s: log.filter((entry) => entry.status === 429).length,
    viewer429s,
    viewerErrors: samples.filter((sample) => sample.status !== 200).length,
    staleAnswers: samples.filter((sample) => sample.stale === true).length,
    cachedAnswers: samples.filter((sample) => sample.cached === true).length,
    tileMs: { p50: Math.round(percentile(ok, 50)), p95: Math.round(percentile(ok, 95)), max: Math.round(percentile(ok, 100)) },
    dashboardMs: { p50: Math.round(percentile(opened, 50)), p95: Math.round(percentile(opened, 95)) },
    met: aggregations <= questions.folded * periods && busiest60s <= options.reportsPerMinute && viewer429s === 0,
  };
}

export type DashboardResult = Awaited<ReturnType<typeof runDashboardScenario>>;

export function printDashboard(result: DashboardResult) {
  const lines = [
    `dashboard of ${result.tiles.length} tiles (${result.tiles.join("; ")}), ${result.viewers} viewers over ${result.seconds} s`,
    `naive requests (viewers x tiles): ${result.naiveRequests}`,
    `upstream requests: aggregations ${result.upstreamRequests.aggregations} (reports class ${result.upstreamRequests.reportsClass}), management ${result.upstreamRequests.management}`,
    `distinct questions: ${result.distinctQuestions.folded} folded (${result.distinctQuestions.exact} without folding)`,
    `target: aggregations <= ${result.distinctQuestions.folded} folded x ${result.freshnessPeriods} freshness periods = ${result.target}`,
    `busiest 60 s window: ${result.busiest60s} upstream report requests (limit ${result.reportsPerMinuteLimit})`,
    `429s seen by viewers: ${result.viewer429s}; other viewer errors: ${result.viewerErrors - result.viewer429s}; simulator 429s: ${result.simulator429s}`,
    `answers: ${result.cachedAnswers} cached, ${result.staleAnswers} stale, of ${result.tileAnswers}`,
    `tile time to answer ms: p50 ${result.tileMs.p50}, p95 ${result.tileMs.p95}, max ${result.tileMs.max}; whole dashboard p50 ${result.dashboardMs.p50}, p95 ${result.dashboardMs.p95}`,
    `target met: ${result.met ? "yes" : "NO"}`,
    ...result.repeated.map(({ question, times }) => `  asked ${times.length} times (at ${times.join(", ")} s): ${question}`),
  ];
  for (const line of lines) console.log(line);
}
