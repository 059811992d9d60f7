import { expect, test } from "@playwright/test";
import type { SimulatorServer } from "../lib/simulator/server";
import { markOf, OWN_TOKEN, startOwnServer, startOwnSimulator, type OwnServer, type SimLogEntry } from "./support/own-stack";
import { createTeam, type Team } from "./support/team";

// Journey (resilience): Fathom misbehaves — it rate-limits, is at capacity, fails, drops connections, sends
// broken answers, hangs, rejects the token — and Sounding stays up, says what happened in words a person can
// act on, serves the last good answer where it has one, and recovers by itself once Fathom does.
// One Sounding server of its own on its own simulator, so the request log holds only this journey's requests.

const SITE = "CDBUGS";
const AGGREGATIONS = "/v1/aggregations";
/** Sounding hears of an answer a few ms after the simulator logs the request; generous for a busy machine. */
const SETTLE_MS = 500;
/** Clock slack between the simulator's log (this process) and the server's timers (another process). */
const SLACK_MS = 50;

let sim: SimulatorServer;
let own: OwnServer;
let team: Team;

// What every answer of the journey must be: never a 500, never the token.
const statuses: number[] = [];
let healthPoller: ReturnType<typeof setInterval> | undefined;
const health: { ok: number; failed: string[] } = { ok: 0, failed: [] };
let maxRssMiB = 0;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const DAY_MS = 86_400_000;
const ymd = (ms: number) => new Date(ms).toISOString().slice(0, 10);

let weeks = 0;
/**
 * A report no other case asks for: a week that ended over a month ago (a closed period, so its answer would
 * be cached for a day), one week further back on each call, so no cached answer can hide a fault.
 */
function newReport(metrics = "visits,pageviews") {
  weeks++;
  const to = Date.now() - (30 + 7 * weeks) * DAY_MS;
  return `site=${SITE}&range=${ymd(to - 6 * DAY_MS)}..${ymd(to)}&metrics=${metrics}&group=none`;
}

type Answer = {
  status: number;
  ms: number;
  retryAfterHeader: string | null;
  body: {
    error?: { code: string; message: string; retryAfter?: number };
    totals?: Record<string, number>;
    rows?: unknown[];
    meta?: { stale: boolean; cached: boolean; fetchedAt: string };
  };
};

async function get(path: string, cookie = team.viewer.cookie): Promise<Answer> {
  const started = Date.now();
  const response = await fetch(`${own.url}${path}`, { headers: { Cookie: cookie } });
  const text = await response.text();
  const ms = Date.now() - started;
  statuses.push(response.status);
  expect(response.status, `${path} answered ${text}`).not.toBe(500);
  expect(text, `${path} must not carry the Fathom token`).not.toContain(OWN_TOKEN);
  return { status: response.status, ms, retryAfterHeader: response.headers.get("retry-after"), body: JSON.parse(text) };
}

const runReport = (query: string) => get(`/api/reports/run?${query}`);

/** The aggregation requests the simulator received since `mark`, in the order they arrived. */
function aggregationsSince(mark: ReturnType<typeof markOf>): SimLogEntry[] {
  return mark
    .since()
    .filter((entry) => entry.path === AGGREGATIONS)
    .sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
}

/**
 * Fathom's Retry-After was honoured: once a 429 reached Sounding, no request of the class arrived before it ran
 * out. Requests already on their way when the 429 was answered (within SETTLE_MS of it) do not count.
 */
function expectRetryAfterHonoured(entries: SimLogEntry[], retryAfterSeconds: number) {
  for (const limited of entries.filter((entry) => entry.status === 429)) {
    const at = Date.parse(limited.at);
    for (const other of entries) {
      const gap = Date.parse(other.at) - at;
      if (gap <= SETTLE_MS) continue;
      expect(gap, `${other.path} arrived ${gap} ms after a 429 with Retry-After: ${retryAfterSeconds}`).toBeGreaterThanOrEqual(
        retryAfterSeconds * 1000 - SLACK_MS,
      );
    }
  }
}

/** Fathom is well again: a report no one asked for yet is fetched and answered (this also resets the breaker's count). */
async function expectReportsWork() {
  const mark = markOf(sim);
  const answer = await runReport(newReport());
  expect(answer.status, JSON.stringify(answer.body)).toBe(200);
  expect(answer.body.meta).toMatchObject({ stale: false, cached: false });
  expect(aggregationsSince(mark).map((entry) => entry.status)).toEqual([200]);
}

test.describe.serial("Fathom misbehaves and Sounding stays up", () => {
  test.beforeAll(async () => {
    test.setTimeout(120_000);
    sim = await startOwnSimulator();
    own = await startOwnServer({
      simUrl: sim.url,
      env: {
        // The journey is about Fathom's limits and faults, not Sounding's own pacing: a plan that never paces here.
        FATHOM_RATE_LIMIT_REPORTS_PER_MINUTE: "1000",
        // Answers about periods touching today expire quickly, so the stale case can outlive one.
        CACHE_OPEN_PERIOD_SECONDS: "2",
      },
    });
    team = await createTeam(own.url);
    // Every second, whatever a case is doing: is the server answering, and how much memory does it hold?
    healthPoller = setInterval(() => {
      try {
        maxRssMiB = Math.max(maxRssMiB, own.rssMiB());
      } catch (error) {
        health.failed.push(`no server process: ${String(error)}`);
      }
      fetch(`${own.url}/api/health`, { signal: AbortSignal.timeout(10_000) })
        .then(async (response) => {
          await response.text();
          if (response.status === 200) health.ok++;
          else health.failed.push(`status ${response.status}`);
        })
        .catch((error: unknown) => health.failed.push(String(error)));
    }, 1_000);
    // The site list and milestones are fetched (and cached for minutes) on the way, so the cases below only
    // send the aggregations they are about.
    await expectReportsWork();
  });

  test.afterEach(() => {
    sim.simulator.control.clearFaults();
    sim.simulator.control.setLatency(0);
    sim.simulator.control.setToken(OWN_TOKEN);
  });

  test.afterAll(async () => {
    clearInterval(healthPoller);
    await own?.stop();
    await sim?.close();
  });

  test("a 429 storm (rate shape): Retry-After is honoured for every report, the caller hears to slow down, and the storm's end brings answers", async () => {
    test.setTimeout(60_000);
    const mark = markOf(sim);
    const report = newReport();
    sim.simulator.control.injectFault({ status: 429, retryAfter: 3, count: 1_000, path: AGGREGATIONS });

    const first = runReport(report);
    await sleep(1_000);
    // Asked while Fathom's Retry-After runs: another report and the live figure wait for it too.
    const [answer, other, live] = await Promise.all([first, runReport(newReport()), get(`/api/sites/${SITE}/current-visitors`)]);

    for (const limited of [answer, other]) {
      expect(limited.status, JSON.stringify(limited.body)).toBe(429);
      expect(limited.body.error).toMatchObject({ code: "upstream_rate_limited", retryAfter: 3 });
      expect(limited.body.error!.message).toMatch(/Fathom asked Sounding to slow down; try again in 3 s/);
      expect(limited.retryAfterHeader).toBe("3");
    }
    expect(live.status, JSON.stringify(live.body)).toBe(200);

    const log = mark.since().filter((entry) => entry.path === AGGREGATIONS || entry.path === "/v1/current_visitors");
    const aggregations = log.filter((entry) => entry.path === AGGREGATIONS);
    expect(aggregations.length).toBeGreaterThanOrEqual(2);
    expect(aggregations.every((entry) => entry.status === 429)).toBe(true);
    expectRetryAfterHonoured(log, 3);
    // The other report and the live figure, asked a second into the pause, reached Fathom only after it.
    const firstLimited = Math.min(...aggregations.map((entry) => Date.parse(entry.at)));
    const latecomers = log.filter((entry) => Date.parse(entry.at) > firstLimited + SETTLE_MS);
    expect(latecomers.some((entry) => entry.path === "/v1/current_visitors")).toBe(true);
    for (const entry of latecomers) expect(Date.parse(entry.at) - firstLimited).toBeGreaterThanOrEqual(3_000 - SLACK_MS);
    // Bounded: each report is tried at most three times, however long the storm.
    expect(aggregations.length).toBeLessThanOrEqual(6);

    // The storm ends: the same report answers, sent only once the last Retry-After ran out.
    sim.simulator.control.clearFaults();
    const after = markOf(sim);
    const recovered = await runReport(report);
    expect(recovered.status, JSON.stringify(recovered.body)).toBe(200);
    expect(recovered.body.totals!.pageviews).toBeGreaterThan(0);
    const sent = aggregationsSince(after);
    expect(sent.map((entry) => entry.status)).toEqual([200]);
    const lastLimited = Math.max(...aggregations.map((entry) => Date.parse(entry.at)));
    expect(Date.parse(sent[0]!.at) - lastLimited).toBeGreaterThanOrEqual(3_000 - SLACK_MS);
  });

  test("a 429 storm (concurrency shape) is read the same way", async () => {
    test.setTimeout(60_000);
    const mark = markOf(sim);
    const report = newReport("visits,uniques");
    sim.simulator.control.injectFault({ status: 429, shape: "concurrency", retryAfter: 2, count: 1_000, path: AGGREGATIONS });

    const answer = await runReport(report);
    expect(answer.status, JSON.stringify(answer.body)).toBe(429);
    expect(answer.body.error).toMatchObject({ code: "upstream_rate_limited", retryAfter: 2 });
    expect(answer.body.error!.message).toMatch(/Fathom asked Sounding to slow down; try again in 2 s/);
    const sent = aggregationsSince(mark);
    expect(sent.length).toBeGreaterThanOrEqual(2);
    expect(sent.length).toBeLessThanOrEqual(3);
    expect(sent.every((entry) => entry.status === 429)).toBe(true);
    expectRetryAfterHonoured(sent, 2);

    sim.simulator.control.clearFaults();
    const recovered = await runReport(report);
    expect(recovered.status, JSON.stringify(recovered.body)).toBe(200);
  });

  test("a 503 with Retry-After is waited out and the answer arrives; one whose wait does not fit is said plainly", async () => {
    test.setTimeout(60_000);
    let mark = markOf(sim);
    sim.simulator.control.injectFault({ status: 503, retryAfter: 2, count: 1, path: AGGREGATIONS });
    const answer = await runReport(newReport("pageviews,bounce_rate"));
    expect(answer.status, JSON.stringify(answer.body)).toBe(200);
    expect(answer.body.totals!.pageviews).toBeGreaterThan(0);
    let sent = aggregationsSince(mark);
    expect(sent.map((entry) => entry.status)).toEqual([503, 200]);
    expect(Date.parse(sent[1]!.at) - Date.parse(sent[0]!.at)).toBeGreaterThanOrEqual(2_000 - SLACK_MS);

    // Fathom asks for 30 s, more than anyone at the builder waits (20 s): answered now, saying so, not retried.
    mark = markOf(sim);
    sim.simulator.control.injectFault({ status: 503, retryAfter: 30, count: 1, path: AGGREGATIONS });
    const refused = await runReport(newReport("pageviews,bounce_rate"));
    expect(refused.status, JSON.stringify(refused.body)).toBe(503);
    expect(refused.body.error).toMatchObject({ code: "fathom_unavailable", retryAfter: 30 });
    expect(refused.body.error!.message).toMatch(/Fathom is briefly at capacity/);
    expect(refused.retryAfterHeader).toBe("30");
    expect(refused.ms).toBeLessThan(10_000);
    sent = aggregationsSince(mark);
    expect(sent.map((entry) => entry.status)).toEqual([503]);
    await expectReportsWork();
  });

  test("500s: the caller hears Fathom is failing; after five in a row the breaker answers at once, then one probe brings reports back", async () => {
    test.setTimeout(90_000);
    const mark = markOf(sim);
    sim.simulator.control.injectFault({ status: 500, count: 1_000, path: AGGREGATIONS });

    // Retried (bounded) and then reported as Fathom's failure, until the breaker opens.
    let down: Answer | undefined;
    let failed = 0;
    for (let attempt = 0; attempt < 4 && !down; attempt++) {
      const before = aggregationsSince(mark).length;
      const answer = await runReport(newReport("visits,avg_duration"));
      if (answer.status === 503) {
        down = answer;
        expect(aggregationsSince(mark).length, "an open breaker sends nothing").toBe(before);
        break;
      }
      failed++;
      expect(answer.status, JSON.stringify(answer.body)).toBe(502);
      expect(answer.body.error!.code).toBe("fathom_error");
      expect(answer.body.error!.message).toMatch(/Fathom is failing right now \(it answered 500\)/);
    }
    expect(failed).toBeGreaterThanOrEqual(1);
    expect(down, "the breaker opened").toBeDefined();
    const failures = aggregationsSince(mark);
    expect(failures.map((entry) => entry.status)).toEqual([500, 500, 500, 500, 500]);

    // Open: every report is answered at once, with what happened and when Sounding tries again; nothing is sent.
    const opened = markOf(sim);
    for (const answer of [down!, await runReport(newReport("visits,avg_duration"))]) {
      expect(answer.status, JSON.stringify(answer.body)).toBe(503);
      expect(answer.body.error!.code).toBe("fathom_down");
      expect(answer.body.error!.message).toMatch(/Fathom is failing right now \(it answered 500, 5 times in a row\)/);
      expect(answer.body.error!.message).toMatch(/holding off and will try again in \d+ s/);
      expect(answer.body.error!.retryAfter).toBeGreaterThanOrEqual(1);
      expect(answer.body.error!.retryAfter).toBeLessThanOrEqual(10);
      expect(answer.retryAfterHeader).toBe(String(answer.body.error!.retryAfter));
      expect(answer.ms, "the breaker answers at once").toBeLessThan(1_000);
    }
    expect(aggregationsSince(opened)).toEqual([]);

    // Fathom recovers; after the cool-down one probe goes through (slow enough to be seen alone), the others
    // hear Fathom is still being probed, and once it answered, reports work again by themselves.
    sim.simulator.control.clearFaults();
    const lastRetryAfter = (await runReport(newReport("visits,avg_duration"))).body.error!.retryAfter!;
    await sleep(lastRetryAfter * 1000 + 500);
    sim.simulator.control.setLatency(2_000);
    const probing = markOf(sim);
    const together = await Promise.all([1, 2, 3].map(() => runReport(newReport("visits,avg_duration"))));
    expect(aggregationsSince(probing).map((entry) => entry.status), "one probe at a time").toEqual([200]);
    expect(together.filter((answer) => answer.status === 200)).toHaveLength(1);
    for (const held of together.filter((answer) => answer.status !== 200)) {
      expect(held.status).toBe(503);
      expect(held.body.error!.code).toBe("fathom_down");
    }
    sim.simulator.control.setLatency(0);
    await expectReportsWork();
  });

  test("a dropped connection: Sounding says it could not reach Fathom", async () => {
    test.setTimeout(60_000);
    const mark = markOf(sim);
    sim.simulator.control.injectFault({ kind: "reset", count: 1_000, path: AGGREGATIONS });
    const answer = await runReport(newReport("uniques,pageviews"));
    expect(answer.status, JSON.stringify(answer.body)).toBe(502);
    expect(answer.body.error!.code).toBe("fathom_unreachable");
    expect(answer.body.error!.message).toMatch(/Sounding could not reach Fathom/);
    const sent = aggregationsSince(mark);
    expect(sent.length).toBeGreaterThanOrEqual(1);
    expect(sent.length).toBeLessThanOrEqual(3);
    expect(sent.every((entry) => entry.status === 0)).toBe(true);
    sim.simulator.control.clearFaults();
    await expectReportsWork();
  });

  for (const kind of ["truncate", "malformed"] as const) {
    test(`a ${kind === "truncate" ? "truncated" : "malformed (HTML)"} answer: Sounding says it could not read Fathom's answer`, async () => {
      test.setTimeout(60_000);
      const mark = markOf(sim);
      sim.simulator.control.injectFault({ kind, count: 1_000, path: AGGREGATIONS });
      const answer = await runReport(newReport("pageviews,avg_duration"));
      expect(answer.status, JSON.stringify(answer.body)).toBe(502);
      expect(answer.body.error!.code).toBe("fathom_invalid_response");
      expect(answer.body.error!.message).toMatch(/Fathom sent an answer Sounding could not read/);
      const sent = aggregationsSince(mark);
      expect(sent.length).toBeGreaterThanOrEqual(1);
      expect(sent.length).toBeLessThanOrEqual(3);
      sim.simulator.control.clearFaults();
      await expectReportsWork();
    });
  }

  test("a hang: the report gives up by its deadline saying Fathom is slow, and the server keeps answering meanwhile", async () => {
    test.setTimeout(60_000);
    const cachedReport = newReport("visits,bounce_rate");
    expect((await runReport(cachedReport)).status).toBe(200);

    const mark = markOf(sim);
    sim.simulator.control.injectFault({ kind: "hang", count: 1, path: AGGREGATIONS });
    let hungDone = false;
    const hung = runReport(newReport("pageviews,uniques")).finally(() => (hungDone = true));
    await sleep(1_000); // the hung request is on its way (it is logged only when it ends)

    // While Fathom holds the request: the server answers, from the cache and even upstream.
    const alive = await get("/api/health");
    expect(alive.status).toBe(200);
    expect(alive.ms).toBeLessThan(5_000);
    const cached = await runReport(cachedReport);
    expect(cached.status).toBe(200);
    expect(cached.body.meta).toMatchObject({ cached: true, stale: false });
    expect(cached.ms).toBeLessThan(5_000);
    const fresh = await runReport(newReport("pageviews,uniques"));
    expect(fresh.status, JSON.stringify(fresh.body)).toBe(200);
    expect(hungDone, "the other answers came while the hung report was still waiting").toBe(false);

    const answer = await hung;
    expect(answer.ms, "the caller's deadline is about 20 s").toBeLessThan(25_000);
    expect(answer.ms).toBeGreaterThanOrEqual(15_000);
    expect([504, 502]).toContain(answer.status);
    expect(["fathom_slow", "fathom_timeout"]).toContain(answer.body.error!.code);
    expect(answer.body.error!.message).toMatch(/Fathom is slow|Fathom took too long/);
    // The hung request was sent once and given up on (logged without an answer when Sounding let go), not sent again.
    await expect.poll(() => aggregationsSince(mark).filter((entry) => entry.status === 0).length, { timeout: 5_000 }).toBe(1);
    await expectReportsWork();
  });

  test("stale: an expired answer stands in while Fathom fails, with the old figures", async () => {
    test.setTimeout(60_000);
    // A period touching today: its answer is fresh for CACHE_OPEN_PERIOD_SECONDS (2 s here).
    const report = `site=${SITE}&range=last_7_days&metrics=visits,bounce_rate&group=none`;
    const first = await runReport(report);
    expect(first.status, JSON.stringify(first.body)).toBe(200);
    expect(first.body.meta!.stale).toBe(false);
    await sleep(3_000);

    const mark = markOf(sim);
    sim.simulator.control.injectFault({ status: 500, count: 1_000, path: AGGREGATIONS });
    const stale = await runReport(report);
    expect(stale.status, JSON.stringify(stale.body)).toBe(200);
    expect(stale.body.meta).toMatchObject({ stale: true, cached: true, fetchedAt: first.body.meta!.fetchedAt });
    expect(stale.body.totals).toEqual(first.body.totals);
    expect(stale.body.rows).toEqual(first.body.rows);
    // Fathom was asked (and failed): the stale answer is a stand-in, not a cache hit that skipped it.
    const sent = aggregationsSince(mark);
    expect(sent.length).toBeGreaterThanOrEqual(1);
    expect(sent.every((entry) => entry.status === 500)).toBe(true);

    sim.simulator.control.clearFaults();
    const fresh = await runReport(report);
    expect(fresh.status).toBe(200);
    expect(fresh.body.meta!.stale).toBe(false);
    expect(Date.parse(fresh.body.meta!.fetchedAt)).toBeGreaterThan(Date.parse(first.body.meta!.fetchedAt));
  });

  test("the token revoked mid-session: reports say an admin can fix it in Settings, never show the token, and work once it is back", async () => {
    test.setTimeout(60_000);
    const report = newReport("visits,pageviews,bounce_rate");
    const mark = markOf(sim);
    sim.simulator.control.setToken("a-token-fathom-issued-instead");
    const answer = await runReport(report);
    expect(answer.status, JSON.stringify(answer.body)).toBe(502);
    expect(answer.body.error!.code).toBe("fathom_unauthorized");
    expect(answer.body.error!.message).toMatch(/Fathom rejected the API token; an admin can fix it in Settings/);
    // A 401 is about the token, not an outage: not retried.
    expect(aggregationsSince(mark).map((entry) => entry.status)).toEqual([401]);

    sim.simulator.control.setToken(OWN_TOKEN);
    const restored = await runReport(report);
    expect(restored.status, JSON.stringify(restored.body)).toBe(200);
    expect(restored.body.totals!.visits).toBeGreaterThan(0);
  });

  test("in the browser, a report while Fathom answers 500s says Fathom is failing, not that Sounding is pacing", async ({ browser }) => {
    test.setTimeout(60_000);
    sim.simulator.control.injectFault({ status: 500, count: 1_000, path: AGGREGATIONS });
    const context = await browser.newContext();
    try {
      await context.addCookies(
        team.admin.cookie.split("; ").map((pair) => {
          const at = pair.indexOf("=");
          return { name: pair.slice(0, at), value: pair.slice(at + 1), url: own.url };
        }),
      );
      const page = await context.newPage();
      await page.goto(`${own.url}/explore?${newReport("visits,pageviews")}`);
      await expect(page.getByText(/Fathom is failing right now/).first()).toBeVisible({ timeout: 30_000 });
      await expect(page.locator("[data-report-state]")).toHaveAttribute("data-report-state", "error");
      await expect(page.getByText(/Sounding is pacing its requests/)).toHaveCount(0);
    } finally {
      await context.close();
    }
  });

  test("throughout: the server stayed up, never answered 500, kept its memory bounded and never printed the token", async () => {
    expect(statuses.length).toBeGreaterThan(20);
    expect(statuses).not.toContain(500);
    const alive = await get("/api/health");
    expect(alive.status).toBe(200);
    expect(health.failed).toEqual([]);
    expect(health.ok).toBeGreaterThan(30);
    maxRssMiB = Math.max(maxRssMiB, own.rssMiB());
    expect(maxRssMiB).toBeGreaterThan(0);
    expect(maxRssMiB).toBeLessThan(600);
    test.info().annotations.push({ type: "server memory", description: `at most ${Math.round(maxRssMiB)} MiB resident` });
    expect(own.output()).not.toContain(OWN_TOKEN);
    expect(own.output()).not.toContain("Unhandled error in a route handler");
  });
});
