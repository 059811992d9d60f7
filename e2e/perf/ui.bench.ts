/**
 * `npm run bench:ui`: how fast /explore answers a marketer, on the production build.
 *
 * Starts the standalone simulator (150 ms latency on every Fathom request, rate limits off: this measures
 * the page, not the budget) and the production server, signs in, and drives Chromium through the real page:
 * - JavaScript of /explore, gzipped: its first load (the scripts its HTML asks for, but for the `nomodule`
 *   polyfills a module-running browser never fetches, printed apart with whether Chromium fetched them)
 *   and all it has loaded once the first report is drawn;
 * - Run → chart drawn, measured inside the page (performance.now() at the click of Run, until the
 *   report's chart has its data drawn and a frame has been painted), for
 *   cold     reports never asked before (nothing cached anywhere: Fathom is asked),
 *   warm     the same reports from a fresh page (the server's cache answers, the browser has nothing),
 *   browser  a report this page already ran (react-query's cache answers, no request at all).
 * Prints the figures, writes them as JSON under bench-results/ and prints that file's path last.
 *
 *   npm run bench:ui -- --runs 5 --latency-ms 150
 */
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { gzipSync } from "node:zlib";
import { chromium, type Page } from "@playwright/test";
import { percentile, startBenchStack } from "./bench-server";

const { values: args } = parseArgs({
  options: {
    runs: { type: "string", default: "5" },
    "latency-ms": { type: "string", default: "150" },
    "app-port": { type: "string", default: process.env.BENCH_UI_APP_PORT ?? "13501" },
    "sim-port": { type: "string", default: process.env.BENCH_UI_SIM_PORT ?? "18501" },
    site: { type: "string", default: "CDBUGS" },
  },
});
const RUNS = Number(args.runs);
const LATENCY_MS = Number(args["latency-ms"]);
const SITE = args.site!;

const CHROMIUM = [process.env.CHROMIUM_PATH, "/usr/bin/chromium"].find((candidate) => candidate && existsSync(candidate));

/** A closed 14-day window `index` fortnights before a fixed recent date: a report nobody asked for yet. */
function windowFor(index: number, salt: number): { from: string; to: string } {
  const DAY = 86_400_000;
  const end = Date.now() - (20 + salt + index * 15) * DAY;
  const ymd = (ms: number) => new Date(ms).toISOString().slice(0, 10);
  return { from: ymd(end - 13 * DAY), to: ymd(end) };
}

/**
 * Installed in the page: `__chartDrawn(key, start)` resolves with the milliseconds from `start` until the
 * report wrapper shows `key` ready and its chart has drawn marks, plus one painted frame. Plain source
 * text, because tsx would wrap named functions in a helper the page does not have.
 */
const PROBE = `
window.__chartDrawn = (key, start) => new Promise((resolve, reject) => {
  const drawn = () => {
    const wrapper = document.querySelector('[data-report-key="' + CSS.escape(key) + '"][data-report-state="ready"]');
    return Boolean(wrapper && wrapper.querySelector("svg.recharts-surface :is(path.recharts-curve, path.recharts-rectangle, .recharts-area-area)"));
  };
  const finish = () => requestAnimationFrame(() => resolve(performance.now() - start));
  if (drawn()) return finish();
  const observer = new MutationObserver(() => {
    if (!drawn()) return;
    observer.disconnect();
    clearTimeout(timer);
    finish();
  });
  observer.observe(document.body, { subtree: true, childList: true, attributes: true });
  const timer = setTimeout(() => {
    observer.disconnect();
    reject(new Error("the chart of " + key + " was not drawn within 60 s"));
  }, 60000);
});
window.__runAndTime = (key) => {
  const run = [...document.querySelectorAll("button")].find((button) => button.textContent.trim() === "Run report");
  if (!run || run.disabled) return Promise.reject(new Error("Run is not available"));
  const start = performance.now();
  const drawn = window.__chartDrawn(key, start);
  run.click();
  return drawn;
};
`;

async function openExplore(page: Page, appUrl: string, search = "") {
  await page.goto(`${appUrl}/explore${search}`, { waitUntil: "load" });
  await page.evaluate(PROBE);
  // Hydrated, with the URL's own report on screen.
  await page.locator('[data-report-state="ready"]').waitFor({ timeout: 60_000 });
}

/** Sets custom dates in the builder, clicks Run inside the page, and times it until the chart is drawn. */
async function runAndTime(page: Page, dates: { from: string; to: string }): Promise<number> {
  const builder = page.getByRole("form", { name: "Report builder" });
  const range = builder.getByLabel("Date range", { exact: true });
  if ((await range.inputValue()) !== "custom") await range.selectOption("custom");
  await builder.getByLabel("From", { exact: true }).fill(dates.from);
  await builder.getByLabel("To", { exact: true }).fill(dates.to);
  await builder.getByLabel("Date grouping", { exact: true }).selectOption("day");
  const key = `site=${SITE}&range=${dates.from}..${dates.to}&group=day`;
  return page.evaluate((expected) => (window as unknown as { __runAndTime: (key: string) => Promise<number> }).__runAndTime(expected), key);
}

const kb = (bytes: number) => Math.round(bytes / 102.4) / 10;

/**
 * The JavaScript of /explore: `firstLoad` is what its HTML asks for (Next's "first load JS": every script
 * tag of the document, needed before the page is interactive); `untilDrawn` adds what the page loads
 * afterwards until its first report is drawn (the chart library, loaded beside the report's request).
 * Sizes are gzipped as a server would send them.
 */
async function javascriptOf(page: Page, appUrl: string) {
  const loaded = new Map<string, number>();
  page.on("response", async (response) => {
    if (response.request().resourceType() !== "script") return;
    try {
      loaded.set(new URL(response.url()).pathname, gzipSync(await response.body()).length);
    } catch {
      // a script cancelled by navigation does not count
    }
  });
  const document = await page.goto(`${appUrl}/explore?site=${SITE}`, { waitUntil: "load" });
  const html = (await document?.text()) ?? "";
  // A `nomodule` script (Next's legacy polyfills) is neither downloaded nor run by a browser that runs
  // modules, which is every browser the app supports: counted apart, not as first-load JavaScript.
  const tags = [...html.matchAll(/<script([^>]*)\ssrc="([^"]+\.js)"([^>]*)>/g)].map((match) => ({
    file: new URL(match[2]!, appUrl).pathname,
    legacy: /\bnomodule\b/i.test(`${match[1]} ${match[3]}`),
  }));
  const inHtml = new Set(tags.filter((tag) => !tag.legacy).map((tag) => tag.file));
  const legacy = tags.filter((tag) => tag.legacy).map((tag) => tag.file);
  await page.locator('[data-report-state="ready"] svg.recharts-surface').first().waitFor({ timeout: 60_000 });
  await page.waitForLoadState("networkidle");
  const sizeOf = async (file: string) => loaded.get(file) ?? gzipSync(await (await page.request.get(`${appUrl}${file}`)).body()).length;
  const firstLoad = await Promise.all([...inHtml].map(async (file) => ({ file, bytes: await sizeOf(file) })));
  const later = [...loaded.entries()].filter(([file]) => !inHtml.has(file)).map(([file, bytes]) => ({ file, bytes }));
  const total = (list: Array<{ bytes: number }>) => list.reduce((sum, item) => sum + item.bytes, 0);
  const describe = (list: Array<{ file: string; bytes: number }>) =>
    [...list].sort((x, y) => y.bytes - x.bytes).map((item) => ({ file: item.file, gzippedKb: kb(item.bytes) }));
  const legacyBytes = await Promise.all(legacy.map(async (file) => ({ file, bytes: await sizeOf(file) })));
  return {
    firstLoad: { gzippedKb: kb(total(firstLoad)), files: firstLoad.length, largest: describe(firstLoad) },
    legacyPolyfills: { gzippedKb: kb(total(legacyBytes)), files: legacyBytes.length, loadedByChromium: legacyBytes.some(({ file }) => loaded.has(file)) },
    untilDrawn: { gzippedKb: kb(total(firstLoad) + total(later)), files: firstLoad.length + later.length, afterwards: describe(later) },
  };
}

function summary(values: number[]) {
  const round = (ms: number) => Math.round(ms);
  return { runs: values.length, p50: round(percentile(values, 50)), p95: round(percentile(values, 95)), min: round(Math.min(...values)), max: round(Math.max(...values)) };
}

async function main() {
  const stack = await startBenchStack({
    appPort: Number(args["app-port"]),
    simPort: Number(args["sim-port"]),
    latencyMs: LATENCY_MS,
    // This measures the page, not the budget: the plan's limits would only queue the cold runs.
    env: { FATHOM_RATE_LIMIT_REPORTS_PER_MINUTE: "1000" },
  });
  // Fathom's 10 reports a minute would queue the cold runs behind each other: this measures the page.
  const unlimited = await fetch(`${stack.simUrl}/_sim/config`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ rateLimits: false }),
  });
  if (!unlimited.ok) throw new Error(`the simulator refused its config (${unlimited.status})`);
  const browser = await chromium.launch({
    ...(CHROMIUM ? { executablePath: CHROMIUM } : {}),
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--no-first-run"],
  });
  try {
    const [name, ...rest] = stack.cookie.split("=");
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    await context.addCookies([{ name: name!, value: rest.join("="), url: stack.appUrl }]);

    const js = await javascriptOf(await context.newPage(), stack.appUrl);

    const salt = Math.floor(Math.random() * 200);
    const windows = Array.from({ length: RUNS }, (_, index) => windowFor(index, salt));

    const coldPage = await context.newPage();
    await openExplore(coldPage, stack.appUrl, `?site=${SITE}`);
    const cold: number[] = [];
    for (const dates of windows) cold.push(await runAndTime(coldPage, dates));

    const warmPage = await context.newPage();
    await openExplore(warmPage, stack.appUrl, `?site=${SITE}`);
    const warm: number[] = [];
    for (const dates of windows) warm.push(await runAndTime(warmPage, dates));

    const inBrowser: number[] = [];
    for (const dates of windows) inBrowser.push(await runAndTime(warmPage, dates));

    const result = {
      at: new Date().toISOString(),
      latencyMs: LATENCY_MS,
      site: SITE,
      javascript: js,
      runToChartMs: { cold: summary(cold), warm: summary(warm), browserCache: summary(inBrowser) },
      samples: { cold, warm, browserCache: inBrowser },
    };
    const line = (label: string, s: ReturnType<typeof summary>) =>
      console.log(`Run → chart drawn, ${label}: p50 ${s.p50} ms, p95 ${s.p95} ms (min ${s.min}, max ${s.max}, ${s.runs} runs)`);
    console.log(`simulator latency ${LATENCY_MS} ms per Fathom request; production build; Chromium`);
    console.log(`first-load JavaScript of /explore: ${js.firstLoad.gzippedKb} KB gzipped in ${js.firstLoad.files} files`);
    console.log(
      `  not counted: ${js.legacyPolyfills.gzippedKb} KB gzipped of nomodule polyfills in ${js.legacyPolyfills.files} file(s), ${js.legacyPolyfills.loadedByChromium ? "LOADED" : "not loaded"} by Chromium`,
    );
    console.log(`JavaScript loaded until the first report is drawn: ${js.untilDrawn.gzippedKb} KB gzipped in ${js.untilDrawn.files} files`);
    line("cold (Fathom asked)", result.runToChartMs.cold);
    line("warm (server cache)", result.runToChartMs.warm);
    line("warm (browser cache)", result.runToChartMs.browserCache);

    const dir = path.resolve("bench-results");
    mkdirSync(dir, { recursive: true });
    const file = path.join(dir, `ui-${result.at.replace(/[:.]/g, "-")}.json`);
    writeFileSync(file, `${JSON.stringify(result, null, 2)}\n`);
    console.log(file);
  } finally {
    await browser.close();
    await stack.stop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
