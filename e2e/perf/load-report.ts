/** What `npm run bench:load` prints (./load.bench.ts): one line per figure, the targets last. */
import type { CpuUse } from "./load-process";
import type { KindSummary } from "./load-client";
import { TARGET_RATIO, type LoadResult } from "./load-run";

type Upstream = LoadResult["upstream"]["setup"];

const kindLine = (kind: string, summary: KindSummary | undefined) =>
  summary
    ? `  ${kind.padEnd(9)}${String(summary.requests).padStart(8)} (${summary.perSecond}/s)  errors ${summary.errors}${summary.errors ? ` ${JSON.stringify(summary.errorsByStatus)}` : ""}  ` +
      `p50 ${summary.latencyMs.p50} p95 ${summary.latencyMs.p95} p99 ${summary.latencyMs.p99} max ${summary.latencyMs.max} ms  ~${(summary.meanBytes / 1024).toFixed(1)} KB`
    : `  ${kind.padEnd(9)}       0`;
const cpuLine = (cpu: CpuUse) => `server CPU ${cpu.serverPercent ?? "?"} % of a core, bench ${cpu.benchPercent} %: bottleneck ${cpu.bottleneck}`;
const up = (segment: Upstream) => `${segment.aggregations} aggregations, ${segment.other} other${segment.refused ? ` (${segment.refused} refused by the simulator)` : ""}`;
const verdict = (pass: boolean) => (pass ? "PASS" : "FAIL");
const percent = (ratio: number) => `${(ratio * 100).toFixed(1)} %`;

export function printLoad(result: LoadResult) {
  const { options, mixed, throughput, upstream, distinctQuestions: distinct, memory, targets } = result;
  const lines = [
    `client: ${result.client}, ${options.compression ? "asking for gzip" : "no compression"}; ${result.cpus} CPUs shared by the server, the bench and the simulator`,
    `share /share/${result.share.slug.slice(0, 6)}…: a dashboard of ${result.share.tiles.length} tiles (${result.share.tiles.join("; ")}), ranges ${result.share.presets.join(", ")}`,
    `explorers: ${result.explorerAccounts}; queries: ${result.explorerQueries.join("; ")}`,
    `mixed phase, ${mixed.seconds} s, ${options.viewers} viewers + ${options.explorers} explorers, requests served:`,
    kindLine("page", mixed.served.page),
    kindLine("data", mixed.served.data),
    kindLine("explorer", mixed.served.explorer),
    `  ${cpuLine(mixed.cpu)}`,
    ...mixed.networkErrors.map((error) => `  network error: ${error}`),
    `throughput, ${options.compareClients} clients, ${options.compareSeconds} s each:`,
    kindLine("health", throughput.health.summary),
    `    ${cpuLine(throughput.health.cpu)}`,
    kindLine("data", throughput.cachedShareData.summary),
    `    ${cpuLine(throughput.cachedShareData.cpu)}`,
    ...[...throughput.health.networkErrors, ...throughput.cachedShareData.networkErrors].map((error) => `  network error: ${error}`),
    `  cached share data / health = ${percent(throughput.ratio)}`,
    kindLine("session", throughput.session.summary),
    `    ${cpuLine(throughput.session.cpu)}`,
    kindLine("report", throughput.cachedReport.summary),
    `    ${cpuLine(throughput.cachedReport.cpu)}`,
    ...[...throughput.session.networkErrors, ...throughput.cachedReport.networkErrors].map((error) => `  network error: ${error}`),
    `  cached signed-in report / signed-in /api/session = ${percent(throughput.signedInRatio)}`,
    `upstream (the simulator's log):`,
    `  setup (sites, saved reports, dashboard, share, accounts): ${up(upstream.setup)}`,
    `  the share's cold render (page, then data for each range): ${up(upstream.shareColdRender)}; its distinct questions: ${distinct.share.exact} (${distinct.share.folded} folded)`,
    `  the explorers' first runs: ${up(upstream.explorersCold)}; their distinct questions: ${distinct.explorers.exact} (${distinct.explorers.folded} folded)`,
    `  during the mixed phase: ${up(upstream.mixedPhase)}; during the throughput phases: ${up(upstream.comparePhases)}`,
    `  the whole run: ${up(upstream.wholeRun)}; distinct questions of share and explorers together: ${distinct.all.exact} (${distinct.all.folded} folded)`,
    ...upstream.wholeRun.repeated.slice(0, 5).map(({ question, times }) => `  asked ${times} times: ${question}`),
    `server memory: peak RSS (VmHWM) ${memory.peakRssMbVmHWM ?? "?"} MB; most sampled VmRSS ${memory.maxSampledRssMb ?? "?"} MB (${memory.rssBeforeMixedMb ?? "?"} MB before the mixed phase)`,
    `targets:`,
    `  ${verdict(targets.zeroErrors)} 0 errors: ${result.errors}`,
    `  ${verdict(targets.upstreamEqualsDistinct)} upstream = distinct queries: ${upstream.wholeRun.aggregations} aggregations for ${distinct.all.folded}–${distinct.all.exact} distinct (folded–exact), ${upstream.wholeRun.repeated.length} asked twice`,
    `  ${verdict(targets.shareDataAtLeast70PercentOfHealth)} cached share data ≥ ${TARGET_RATIO * 100} % of /api/health: ${percent(throughput.ratio)}`,
  ];
  for (const line of lines) console.log(line);
}
