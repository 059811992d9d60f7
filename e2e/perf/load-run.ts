/**
 * The load bench's run (./load.bench.ts describes it): set up, warm up, the mixed phase, the throughput
 * phases, and every figure gathered into one result.
 */
import os from "node:os";
import { REQUEST_LOG_LIMIT } from "../../lib/simulator/simulator";
import type { BenchStack } from "./bench-server";
import { closedLoop, httpClient, Tally, type HttpClient } from "./load-client";
import { cpuMeter, memorySampler } from "./load-process";
import { benchSite, explorerCookies, setUpLoad, SHARE_PRESETS, simulatorLog, upstreamBetween } from "./load-setup";

export type LoadOptions = {
  duration: number;
  viewers: number;
  explorers: number;
  compareSeconds: number;
  compareClients: number;
  connections: number;
  latencyMs: number;
  site: string;
  /** Ask for gzip as a browser does (the server then pays for compressing the page and the data). */
  compression: boolean;
};

/** One data request in this many asks the share's other range. */
export const OTHER_RANGE_EVERY = 5;
export const TARGET_RATIO = 0.7;

/** A warm-up request: anything but a 2xx stops the bench, since nothing after it would mean anything. */
async function mustAnswer(client: HttpClient, url: string, headers: Record<string, string>) {
  const hit = await client.get(url, headers);
  if (hit.status < 200 || hit.status > 299) throw new Error(`warm-up: GET ${url} answered ${hit.status || hit.error}`);
}

export type LoadResult = Awaited<ReturnType<typeof runLoad>>;

export async function runLoad(stack: BenchStack, options: LoadOptions) {
  const encoding: Record<string, string> = options.compression ? { "accept-encoding": "gzip" } : {};
  const HTML = { accept: "text/html", ...encoding };
  const JSON_ = { accept: "application/json", ...encoding };
  const memory = memorySampler(stack.pid);
  const client = await httpClient(options.connections);
  try {
    const site = await benchSite(stack, options.site);
    const setup = await setUpLoad(stack, site);
    const explorers = await explorerCookies(stack, options.explorers);
    const pageUrl = `${stack.appUrl}/share/${setup.slug}`;
    const dataUrl = (preset: string) => `${pageUrl}/data?range=${preset}`;
    const explorerHeaders = explorers.cookies.map((cookie) => ({ ...JSON_, cookie }));

    // Warm-up: what the first viewer and the first explorer cost upstream (the simulator's log between marks).
    const marks = { setup: (await simulatorLog(stack)).length, share: 0, explorers: 0, mixed: 0, end: 0 };
    await mustAnswer(client, pageUrl, HTML);
    for (const preset of SHARE_PRESETS) await mustAnswer(client, dataUrl(preset), JSON_);
    marks.share = (await simulatorLog(stack)).length;
    for (const url of setup.explorerUrls) await mustAnswer(client, url, explorerHeaders[0] ?? { ...JSON_, cookie: stack.cookie });
    marks.explorers = (await simulatorLog(stack)).length;
    const rssBeforeMixedMb = memory.rssMbNow();

    console.log(`mixed phase: ${options.viewers} share viewers and ${options.explorers} explorers for ${options.duration} s…`);
    const mixed = new Tally();
    const mixedCpu = cpuMeter(stack.pid);
    const [viewerSeconds, explorerSeconds] = await Promise.all([
      closedLoop(options.viewers, options.duration, async (viewer, iteration) => {
        await mixed.time(client, "page", pageUrl, HTML);
        const preset = (viewer + iteration) % OTHER_RANGE_EVERY === 0 ? SHARE_PRESETS[1] : SHARE_PRESETS[0];
        await mixed.time(client, "data", dataUrl(preset), JSON_);
      }),
      closedLoop(options.explorers, options.duration, (explorer, iteration) =>
        mixed.time(client, "explorer", setup.explorerUrls[(explorer + iteration) % setup.explorerUrls.length]!, explorerHeaders[explorer]!),
      ),
    ]);
    const mixedSeconds = Math.max(viewerSeconds, explorerSeconds);
    const mixedCpuUse = mixedCpu.end();
    marks.mixed = (await simulatorLog(stack)).length;

    console.log(`throughput: ${options.compareClients} clients, ${options.compareSeconds} s on /api/health, then as long on the cached share data…`);
    const compare = async (kind: "health" | "data" | "session" | "report", url: string, headers: Record<string, string> = JSON_) => {
      const tally = new Tally();
      const cpu = cpuMeter(stack.pid);
      const seconds = await closedLoop(options.compareClients, options.compareSeconds, () => tally.time(client, kind, url, headers));
      return { summary: tally.summary(seconds)[kind]!, cpu: cpu.end(), networkErrors: [...tally.networkErrors] };
    };
    const health = await compare("health", `${stack.appUrl}/api/health`);
    const cachedShareData = await compare("data", dataUrl(SHARE_PRESETS[0]));
    // The signed-in side of the same question: a cached report answer beside a trivial route that needs a session.
    const signedIn = explorerHeaders[0] ?? { ...JSON_, cookie: stack.cookie };
    console.log(`then signed in: ${options.compareSeconds} s on /api/session, then as long on a cached report…`);
    const session = await compare("session", `${stack.appUrl}/api/session`, signedIn);
    const cachedReport = await compare("report", setup.explorerUrls[0]!, signedIn);
    const log = await simulatorLog(stack);
    marks.end = log.length;
    if (log.length >= REQUEST_LOG_LIMIT) console.warn(`the simulator's log is full (${REQUEST_LOG_LIMIT} requests, oldest dropped): the upstream counts below are wrong`);

    const served = mixed.summary(mixedSeconds);
    const upstream = {
      setup: upstreamBetween(log, 0, marks.setup),
      shareColdRender: upstreamBetween(log, marks.setup, marks.share),
      explorersCold: upstreamBetween(log, marks.share, marks.explorers),
      mixedPhase: upstreamBetween(log, marks.explorers, marks.mixed),
      comparePhases: upstreamBetween(log, marks.mixed, marks.end),
      wholeRun: upstreamBetween(log, 0, marks.end),
    };
    const errors = [served.page, served.data, served.explorer, health.summary, cachedShareData.summary, session.summary, cachedReport.summary].reduce((sum, kind) => sum + (kind?.errors ?? 0), 0);
    const ratio = cachedShareData.summary.perSecond / Math.max(1e-9, health.summary.perSecond);
    const signedInRatio = cachedReport.summary.perSecond / Math.max(1e-9, session.summary.perSecond);
    const upstreamTotal = upstream.wholeRun.aggregations;
    return {
      options,
      client: client.name,
      cpus: os.cpus().length,
      explorerAccounts: explorers.how,
      share: { slug: setup.slug, url: setup.shareUrl, dashboardId: setup.dashboardId, tiles: setup.tiles, presets: SHARE_PRESETS, otherRangeEvery: OTHER_RANGE_EVERY },
      explorerQueries: setup.explorerQueries,
      mixed: { seconds: Number(mixedSeconds.toFixed(2)), served, networkErrors: [...mixed.networkErrors], cpu: mixedCpuUse },
      throughput: { health, cachedShareData, ratio: Number(ratio.toFixed(3)), session, cachedReport, signedInRatio: Number(signedInRatio.toFixed(3)) },
      upstream,
      distinctQuestions: setup.distinct,
      memory: { rssBeforeMixedMb, ...memory.stop() },
      errors,
      targets: {
        zeroErrors: errors === 0,
        // Each question asked once: none twice with the same parameters, and no more requests than distinct
        // questions (fewer when folding merged questions that differ only in their columns, never under the folded count).
        upstreamEqualsDistinct:
          upstream.wholeRun.repeated.length === 0 && upstreamTotal >= setup.distinct.all.folded && upstreamTotal <= setup.distinct.all.exact,
        shareDataAtLeast70PercentOfHealth: ratio >= TARGET_RATIO,
      },
    };
  } finally {
    memory.stop();
    await client.close();
  }
}
