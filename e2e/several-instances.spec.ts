import { randomBytes } from "node:crypto";
import { expect, test } from "@playwright/test";
import type { DashboardLayout } from "../lib/dashboards/dashboard";
import { tileQuery, type TileReport } from "../lib/dashboards/tile-query";
import { defaultReportQuery, type ReportQuery } from "../lib/query/report-query";
import { encodeReportQuery } from "../lib/query/url-codec";
import { FATHOM_LIMITS } from "../lib/simulator/rate-limits";
import type { SimulatorServer } from "../lib/simulator/server";
import { busiestWindow } from "./perf/budget-dashboard";
import { startEngines, type Engines } from "./support/engines";
import { markOf, startOwnServer, startOwnSimulator, type OwnServer, type SimLogEntry } from "./support/own-stack";
import { storedQuery } from "./support/saved-items";
import { createTeam, jsonHeaders, signIn, type Team } from "./support/team";

// Journey: the agency outgrows one server and runs two Sounding instances behind its load balancer, on one
// PostgreSQL and one Redis, against one Fathom account on the real plan (10 reports a minute, 5 at once).
// The team is set up once and works on either instance; twenty people opening one dashboard across both cost
// Fathom one request per distinct question; a burst of reports through both together stays within the plan,
// telling the overflow when to come back; and when one instance is killed mid-burst, nothing it acknowledged
// is lost and the other carries on. The budget test runs right after the first, while nothing has been spent,
// so the dashboard and the last test find the plan's minute with room to spare.
const SITE = "CDBUGS";
const suffix = `${Date.now().toString(36)}${randomBytes(2).toString("hex")}`;
const REPORTS_PER_MINUTE = FATHOM_LIMITS.reportsPerMinute;
/** How long Fathom takes to answer: long enough for the two instances' requests to overlap. */
const LATENCY_MS = 150;
/** Distinct reports sent through both instances at once: more than one minute's budget. */
const BURST_REPORTS = 12;
const VIEWERS_PER_INSTANCE = 10;
const WRITES = 24;
/** Server A is killed as soon as this many of the writes have been acknowledged. */
const KILL_AFTER_ACKS = 4;

type Instance = { name: "A" | "B"; server: OwnServer };
type Answer = { status: number; retryAfter: string | null; body: Record<string, unknown>; at: number };
type DashboardAnswer = { dashboard: { id: number; name: string; layout: DashboardLayout }; reports: TileReport[] };

const daysAgo = (days: number) => new Date(Date.now() - days * 86_400_000).toISOString().slice(0, 10);
const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
const isReportsClass = (entry: SimLogEntry) => /^\/v1\/(aggregations|current_visitors)/.test(entry.path);
/** An upstream request as Fathom saw it: its path and its whole query string, sorted. */
const questionOf = (entry: SimLogEntry) => `${entry.path}?${new URLSearchParams(Object.entries(entry.query).sort(([a], [b]) => a.localeCompare(b)))}`;
/** A report's figures, without what says how they were fetched (`meta`: cached, shared, when). */
const figuresOf = (body: Record<string, unknown>) => JSON.stringify({ ...body, meta: undefined });
/** How often each question was asked, those asked more than once only. */
function repeatedQuestions(entries: SimLogEntry[]): Array<[string, number]> {
  const counts = new Map<string, number>();
  for (const entry of entries) counts.set(questionOf(entry), (counts.get(questionOf(entry)) ?? 0) + 1);
  return [...counts].filter(([, count]) => count > 1);
}

async function get(url: string, cookie: string): Promise<Answer> {
  const response = await fetch(url, { headers: { Cookie: cookie, Accept: "application/json" } });
  const text = await response.text();
  let body: Record<string, unknown> = {};
  try {
    body = JSON.parse(text) as Record<string, unknown>;
  } catch {
    body = { text };
  }
  return { status: response.status, retryAfter: response.headers.get("retry-after"), body, at: Date.now() };
}

const runUrl = (instance: Instance, query: ReportQuery, { solo = false } = {}) =>
  `${instance.server.url}/api/reports/run?${encodeReportQuery(query)}${solo ? "&solo=1" : ""}`;

/** An ungrouped report of the site's visits over `from`..`to`: one aggregation. */
const weekReport = (from: string, to: string): ReportQuery => ({ ...defaultReportQuery(SITE), grouping: "none", range: { preset: "custom", from, to } });

async function saveReport(instance: Instance, cookie: string, name: string, query: Record<string, unknown>): Promise<Response> {
  return fetch(`${instance.server.url}/api/reports`, {
    method: "POST",
    headers: jsonHeaders(instance.server.url, cookie),
    body: JSON.stringify({ name, description: "", query }),
  });
}

test.describe.serial("several instances on PostgreSQL and Redis", () => {
  let engines: Engines;
  let sim: SimulatorServer;
  let a: Instance;
  let b: Instance;
  let team: Team;
  /** Each member's cookies on B (signed in there). */
  const onB = { admin: "", editor: "", viewer: "" };
  let dashboardId: number;
  /** What every viewer saw of each tile, by tile id (from the dashboard test, for the last one). */
  let boardFigures: Map<string, string>;
  /** Sessions of the viewers on B, still open when A is gone. */
  let viewersOnB: string[] = [];

  test.beforeAll(async () => {
    test.setTimeout(180_000);
    engines = await startEngines();
    sim = await startOwnSimulator({ rateLimits: FATHOM_LIMITS, latencyMs: LATENCY_MS });
    const env = {
      DATABASE_URL: engines.databaseUrl,
      REDIS_URL: engines.redisUrl,
      APP_SECRET: randomBytes(32).toString("hex"),
      FATHOM_RATE_LIMIT_REPORTS_PER_MINUTE: String(REPORTS_PER_MINUTE),
      FATHOM_MAX_CONCURRENCY: String(FATHOM_LIMITS.concurrency),
    };
    // Both at once on the empty database, as an orchestrator starts replicas: the migrations must not collide.
    const [first, second] = await Promise.all([startOwnServer({ simUrl: sim.url, env }), startOwnServer({ simUrl: sim.url, env })]);
    a = { name: "A", server: first };
    b = { name: "B", server: second };
    console.log(`[several-instances] two servers on ${engines.describe}`);
  });

  test.afterAll(async () => {
    for (const instance of [a, b]) {
      // What each server printed, for a failure's report (any password in a URL masked).
      const output = instance?.server.output().slice(-20_000).replace(/(\/\/[^:/@\s]+:)[^@\s]+@/g, "$1***@");
      if (output) await test.info().attach(`server ${instance!.name} output`, { body: output, contentType: "text/plain" });
    }
    await Promise.all([a?.server.stop(), b?.server.stop()]);
    await sim?.close();
    await engines?.stop();
  });

  test("one team for both: set up once on A, signed in on B, a report saved through A opens on B", async () => {
    team = await createTeam(a.server.url);

    // B knows Sounding is set up: nobody can make themselves the first admin there.
    const again = await fetch(`${b.server.url}/api/setup`, {
      method: "POST",
      headers: jsonHeaders(b.server.url),
      body: JSON.stringify({ name: "Late Admin", email: "late@own.example", password: "late password 1234" }),
    });
    expect(again.status, "a second first-run setup on B").toBe(404);

    // The session A gave the admin is good on B, and everyone can sign in on B with the account made on A.
    const carried = await get(`${b.server.url}/api/session`, team.admin.cookie);
    expect(carried.status, "A's session cookie on B").toBe(200);
    expect(carried.body.user).toMatchObject({ email: team.admin.email, role: "admin" });
    for (const member of [team.admin, team.editor, team.viewer]) {
      onB[member.role] = await signIn(b.server.url, member);
      const session = await get(`${b.server.url}/api/session`, onB[member.role]);
      expect(session.status, `${member.role} signed in on B`).toBe(200);
      expect(session.body.user).toMatchObject({ email: member.email, role: member.role });
    }
    // Signing out on B ends the session on A too.
    const leaving = await signIn(b.server.url, team.viewer);
    expect((await fetch(`${b.server.url}/api/session`, { method: "DELETE", headers: jsonHeaders(b.server.url, leaving) })).status).toBe(200);
    expect((await get(`${a.server.url}/api/session`, leaving)).status, "a session signed out on B, on A").toBe(401);

    const name = `Weekly visits ${suffix}`;
    const saved = await saveReport(a, team.editor.cookie, name, storedQuery({ range: { preset: "custom", from: daysAgo(70), to: daysAgo(64) } }));
    expect(saved.status, "saving a report through A").toBe(201);
    const report = (await saved.json()) as { id: number; name: string; query: unknown };

    const list = await get(`${b.server.url}/api/reports`, onB.viewer);
    expect(list.status).toBe(200);
    expect((list.body.reports as Array<{ id: number; name: string }>).map(({ id, name }) => ({ id, name })), "B's list of saved reports").toContainEqual({
      id: report.id,
      name,
    });
    const opened = await get(`${b.server.url}/api/reports/${report.id}`, onB.viewer);
    expect(opened.status, "the report through B's API").toBe(200);
    expect(opened.body).toMatchObject({ id: report.id, name, query: report.query });
    const page = await fetch(`${b.server.url}/reports/${report.id}`, { headers: { Cookie: onB.viewer } });
    expect(page.status, "the report's page on B").toBe(200);
    expect(await page.text()).toContain(name);
  });

  test("a burst of distinct reports through both instances stays within the plan; the overflow is told when to come back", async () => {
    test.setTimeout(180_000);
    const mark = markOf(sim);
    const queries = Array.from({ length: BURST_REPORTS }, (_, i) => weekReport(daysAgo(200 + 7 * i), daysAgo(194 + 7 * i)));
    const through = (i: number) => (i % 2 === 0 ? a : b);
    const cookieOn = (instance: Instance) => (instance === a ? team.admin.cookie : onB.admin);

    // Half through A and half through B, all at once: with a budget per instance, every one would be sent.
    const first = await Promise.all(queries.map((query, i) => get(runUrl(through(i), query, { solo: true }), cookieOn(through(i)))));
    const answered = first.flatMap((answer, i) => (answer.status === 200 ? [i] : []));
    const refused = first.flatMap((answer, i) => (answer.status === 429 ? [i] : []));
    const other = first.flatMap((answer, i) => (answer.status === 200 || answer.status === 429 ? [] : [[through(i).name, answer.status, answer.body]]));
    expect(other, "every report is answered or told to wait").toEqual([]);
    for (const i of refused) {
      const { status, retryAfter, body } = first[i]!;
      const error = body.error as { code: string; retryAfter?: number };
      expect(error.code, `report ${i} through ${through(i).name}: ${status}`).toBe("budget_exhausted");
      expect(retryAfter, `report ${i}: Retry-After`).toMatch(/^\d+$/);
      expect(Number(retryAfter), `report ${i}: Retry-After, the same in the header and the body`).toBe(error.retryAfter);
      expect(Number(retryAfter), `report ${i}: a wait within the plan's minute`).toBeGreaterThanOrEqual(1);
      expect(Number(retryAfter), `report ${i}: a wait within the plan's minute`).toBeLessThanOrEqual(65);
    }
    expect(answered.length, "answered at once: at most one minute's budget, for both instances together").toBeLessThanOrEqual(REPORTS_PER_MINUTE);
    expect(refused.length, "told to wait").toBeGreaterThanOrEqual(BURST_REPORTS - REPORTS_PER_MINUTE);
    const afterBurst = mark.since();
    expect(busiestWindow(afterBurst.filter(isReportsClass).map((entry) => Date.parse(entry.at))), "Fathom's busiest minute").toBeLessThanOrEqual(REPORTS_PER_MINUTE);

    // Each one told to wait asks again once its Retry-After has passed, and is answered.
    const retried = await Promise.all(
      refused.map(async (i) => {
        await sleep(Math.max(0, first[i]!.at + Number(first[i]!.retryAfter) * 1000 + 500 - Date.now()));
        return [i, await get(runUrl(through(i), queries[i]!, { solo: true }), cookieOn(through(i)))] as const;
      }),
    );
    for (const [i, answer] of retried) expect([answer.status, answer.body.error], `report ${i} through ${through(i).name}, asked again after its Retry-After`).toEqual([200, undefined]);

    const log = mark.since();
    const reportsClass = log.filter(isReportsClass);
    const busiest = busiestWindow(reportsClass.map((entry) => Date.parse(entry.at)));
    expect(busiest, "the most report requests Fathom received in any 60 s").toBeLessThanOrEqual(REPORTS_PER_MINUTE);
    expect(log.filter((entry) => entry.status === 429).map(questionOf), "requests Fathom refused").toEqual([]);
    // Each report was asked of Fathom once: none of those told to wait had been sent anyway.
    expect(repeatedQuestions(reportsClass), "reports asked of Fathom more than once").toEqual([]);
    expect(reportsClass.length, "one aggregation per report").toBe(BURST_REPORTS);

    const observed = `${BURST_REPORTS} distinct reports through A and B at once: ${answered.length} answered, ${refused.length} told to wait (Retry-After ${refused.map((i) => first[i]!.retryAfter).join(", ")} s), all answered when asked again; busiest 60 s at Fathom: ${busiest}`;
    test.info().annotations.push({ type: "observed", description: observed });
    console.log(`[several-instances] ${observed}`);
  });

  test("twenty viewers opening one dashboard on both instances cost one upstream request per distinct question", async () => {
    test.setTimeout(120_000);
    const range = { preset: "custom", from: daysAgo(45), to: daysAgo(32) };
    const grouped = (by: string) => storedQuery({ grouping: "none", by: [by], sort: { field: "visits", direction: "desc" }, limit: 10, range });
    const saved = [];
    for (const [name, query] of [
      [`Daily visits ${suffix}`, storedQuery({ grouping: "day", range })],
      [`Top pages ${suffix}`, grouped("pathname")],
      [`Top countries ${suffix}`, grouped("country_code")],
    ] as const) {
      const response = await saveReport(a, team.editor.cookie, name, query);
      expect(response.status, `saving ${name}`).toBe(201);
      saved.push((await response.json()) as { id: number });
    }
    const created = await fetch(`${a.server.url}/api/dashboards`, {
      method: "POST",
      headers: jsonHeaders(a.server.url, team.editor.cookie),
      body: JSON.stringify({
        name: `Client board ${suffix}`,
        layout: {
          tiles: [
            { id: "tile-daily", size: "wide", kind: "report", reportId: saved[0]!.id, view: "all", pinRange: false, pinFilters: false },
            { id: "tile-pages", size: "medium", kind: "report", reportId: saved[1]!.id, view: "table", pinRange: false, pinFilters: false },
            { id: "tile-countries", size: "medium", kind: "report", reportId: saved[2]!.id, view: "table", pinRange: false, pinFilters: false },
            { id: "tile-note", size: "full", kind: "text", markdown: "**Notes** for the client." },
          ],
          range: null,
          filters: [],
        },
      }),
    });
    expect(created.status, await created.clone().text()).toBe(201);
    dashboardId = ((await created.json()) as { id: number }).id;

    // Twenty people, each signed in in a browser of their own: ten on A, ten on B.
    const viewers: Array<{ instance: Instance; cookie: string }> = [];
    for (let i = 0; i < 2 * VIEWERS_PER_INSTANCE; i++) {
      const instance = i % 2 === 0 ? a : b;
      viewers.push({ instance, cookie: await signIn(instance.server.url, team.viewer) });
    }
    viewersOnB = viewers.filter((viewer) => viewer.instance === b).map((viewer) => viewer.cookie);

    const mark = markOf(sim);
    const seen = await Promise.all(viewers.map(({ instance, cookie }) => openDashboard(instance, cookie)));

    // Everyone got every tile, with the same figures on both instances…
    for (const [index, tiles] of seen.entries()) {
      const who = `viewer ${index + 1} on ${viewers[index]!.instance.name}`;
      expect(tiles.problems, who).toEqual([]);
      expect([...tiles.figures.keys()], who).toEqual(["tile-daily", "tile-pages", "tile-countries"]);
    }
    boardFigures = seen[0]!.figures;
    for (const [index, tiles] of seen.entries()) {
      for (const [tile, figures] of tiles.figures) expect(figures, `${tile} for viewer ${index + 1} on ${viewers[index]!.instance.name}`).toBe(boardFigures.get(tile));
    }
    expect(JSON.parse(boardFigures.get("tile-pages")!).rows.length, "top pages has rows").toBeGreaterThan(0);

    // …and Fathom was asked each distinct aggregation once: three grouped tiles and the totals they share.
    const asked = mark.since().filter(isReportsClass);
    expect(asked.length).toBeGreaterThan(0);
    expect(repeatedQuestions(asked), "aggregations asked more than once").toEqual([]);
    expect(new Set(asked.map(questionOf)).size).toBeLessThanOrEqual(4);
    expect(asked.filter((entry) => entry.status !== 200).map((entry) => [questionOf(entry), entry.status])).toEqual([]);

    const observed = `${viewers.length} viewers (${VIEWERS_PER_INSTANCE} on each instance) opened a board of 3 report tiles: ${asked.length} aggregations sent, each once`;
    test.info().annotations.push({ type: "observed", description: observed });
    console.log(`[several-instances] ${observed}`);
  });

  test("A killed mid-burst of writes: everything it acknowledged is on B, and B carries on alone", async () => {
    test.setTimeout(120_000);
    type Write = { name: string; status?: number; id?: number };
    const query = storedQuery({ range: { preset: "custom", from: daysAgo(90), to: daysAgo(84) } });
    const writes: Write[] = Array.from({ length: WRITES }, (_, i) => ({ name: `Burst ${suffix} ${i}` }));
    let acks = 0;
    let unansweredAtKill = 0;
    let killing: Promise<void> | undefined;
    const settled = await Promise.allSettled(
      writes.map(async (write) => {
        const response = await saveReport(a, team.editor.cookie, write.name, query);
        // A 201 means it is stored, even should A die before the body is through.
        const body = (await response.json().catch(() => null)) as { id?: number } | null;
        write.status = response.status;
        write.id = body?.id;
        if (response.status >= 200 && response.status < 300 && ++acks === KILL_AFTER_ACKS) {
          unansweredAtKill = writes.filter((other) => other.status === undefined).length;
          killing = a.server.kill9();
        }
      }),
    );
    expect(killing, "A was killed before the burst was over").toBeDefined();
    await killing;
    const acknowledged = writes.filter((write) => write.status !== undefined && write.status >= 200 && write.status < 300);
    expect(unansweredAtKill, "writes still in flight when A was killed").toBeGreaterThanOrEqual(1);
    expect(writes.filter((write) => write.status !== undefined && write.status !== 201).map((write) => [write.name, write.status]), "writes A refused").toEqual([]);
    expect(settled.filter((result) => result.status === "rejected").length, "writes that got no answer").toBe(writes.filter((write) => write.status === undefined).length);

    // Every acknowledged report is on B, once, under the id A gave it; none of the burst is there twice.
    const list = await get(`${b.server.url}/api/reports`, onB.editor);
    expect(list.status, "B's list after A died").toBe(200);
    const listed = (list.body.reports as Array<{ id: number; name: string }>).filter((report) => report.name.startsWith(`Burst ${suffix} `));
    expect(listed.length - new Set(listed.map((report) => report.name)).size, "burst reports listed twice").toBe(0);
    for (const write of acknowledged) {
      const found = listed.filter((report) => report.name === write.name);
      expect(found.length, `acknowledged ${write.name}, in B's list`).toBe(1);
      if (write.id !== undefined) expect(found[0]!.id, `acknowledged ${write.name}: the id A gave it`).toBe(write.id);
      const opened = await get(`${b.server.url}/api/reports/${found[0]!.id}`, onB.viewer);
      expect([opened.status, opened.body.name], `acknowledged ${write.name}, opened through B`).toEqual([200, write.name]);
    }

    // B serves the dashboard to the viewers signed in there, with the figures they saw before.
    for (const [index, cookie] of viewersOnB.entries()) {
      const tiles = await openDashboard(b, cookie);
      expect(tiles.problems, `viewer ${index + 1} on B, after A died`).toEqual([]);
      expect(tiles.figures, `viewer ${index + 1} on B, after A died`).toEqual(boardFigures);
    }

    // A report nobody asked before still reaches Fathom through B, and B still saves.
    const mark = markOf(sim);
    const fresh = await get(runUrl(b, weekReport(daysAgo(20), daysAgo(14)), { solo: true }), onB.admin);
    expect([fresh.status, fresh.body.error], "a new report through B after A died").toEqual([200, undefined]);
    expect((fresh.body.meta as { cached: boolean }).cached, "answered by Fathom, not from the cache").toBe(false);
    expect(mark.since().filter(isReportsClass).map((entry) => entry.status), "what B asked Fathom for it").toEqual([200]);
    expect((await saveReport(b, onB.editor, `After ${suffix}`, query)).status, "a report saved through B after A died").toBe(201);

    // Over the whole journey, Fathom never saw more than the plan allows in any minute, nor refused anything.
    const whole = sim.simulator.control.requests() as SimLogEntry[];
    const busiest = busiestWindow(whole.filter(isReportsClass).map((entry) => Date.parse(entry.at)));
    expect(busiest, "the most report requests Fathom received in any 60 s of the journey").toBeLessThanOrEqual(REPORTS_PER_MINUTE);
    expect(whole.filter((entry) => entry.status === 429).map(questionOf), "requests Fathom refused during the journey").toEqual([]);

    const observed =
      `${WRITES} writes to A, killed once ${KILL_AFTER_ACKS} were acknowledged with ${unansweredAtKill} unanswered; ` +
      `${acknowledged.length} acknowledged in all, each on B; busiest 60 s at Fathom over the journey: ${busiest}`;
    test.info().annotations.push({ type: "observed", description: observed });
    console.log(`[several-instances] ${observed}`);
  });

  /** Opens the dashboard as its page does: the board and its reports, then every report tile's query at once. */
  async function openDashboard(instance: Instance, cookie: string): Promise<{ figures: Map<string, string>; problems: unknown[] }> {
    const board = await get(`${instance.server.url}/api/dashboards/${dashboardId}`, cookie);
    if (board.status !== 200) return { figures: new Map(), problems: [["the dashboard", board.status, board.body]] };
    const { dashboard, reports } = board.body as unknown as DashboardAnswer;
    const scope = { range: dashboard.layout.range, filters: dashboard.layout.filters };
    const tiles = dashboard.layout.tiles.flatMap((tile) => (tile.kind === "report" ? [tile] : []));
    const answers = await Promise.all(
      tiles.map(async (tile) => {
        const effective = tileQuery(tile, reports.find((report) => report.id === tile.reportId), scope);
        if (!effective.ok) return { tile: tile.id, problem: effective.problem };
        return { tile: tile.id, answer: await get(runUrl(instance, effective.query), cookie) };
      }),
    );
    const figures = new Map<string, string>();
    const problems: unknown[] = [];
    for (const { tile, answer, problem } of answers) {
      if (answer?.status === 200) figures.set(tile, figuresOf(answer.body));
      else problems.push([tile, problem ?? answer?.status, answer?.body]);
    }
    return { figures, problems };
  }
});
