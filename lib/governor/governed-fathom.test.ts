import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { createFathomClient } from "@/lib/fathom/client";
import { fakeFetch, jsonResponse, type RecordedRequest } from "@/lib/fathom/fake-fetch";
import { openTestDatabase } from "@/lib/store/db";
import { createGovernedFathom, stretchedIntervalSeconds, type GovernedSettings } from "./governed-fathom";
import { SqliteAnswerCache } from "./sqlite-answer-cache";
import { START, advance, settle, testGovernor, useFakeClock, type TestGovernorOptions } from "./test-kit";

beforeEach(() => useFakeClock(START)); // 2026-03-10 12:00 UTC
afterEach(() => vi.useRealTimers());

const settings: GovernedSettings = { closedPeriodSeconds: 86_400, openPeriodSeconds: 60, listsSeconds: 300, currentVisitorsIntervalSeconds: 15 };

const site = (id: string) => ({ id, object: "site", name: id, sharing: "none", created_at: "2024-01-01 00:00:00", timezone: "UTC" });
const milestone = (id: string) => ({ id, object: "milestone", name: id, milestone_date: "2026-01-01 00:00:00", created_at: "2026-01-01 00:00:00" });

/** A fake Fathom: answers by path; `respond` may override per request. */
function fakeFathom(respond?: (request: RecordedRequest, index: number) => Response | undefined) {
  return fakeFetch((request, index) => {
    const custom = respond?.(request, index);
    if (custom) return custom;
    const path = request.url.pathname;
    if (path === "/v1/aggregations") return jsonResponse([{ visits: "12", pageviews: "30" }]);
    if (path === "/v1/current_visitors") {
      return jsonResponse({ total: 7, content: [{ hostname: "a.com", pathname: "/", total: 7 }], referrers: [] });
    }
    if (path === "/v1/sites") {
      const after = request.url.searchParams.get("starting_after");
      return jsonResponse({ object: "list", has_more: !after, data: after ? [site("B")] : [site("A")] });
    }
    if (path.endsWith("/milestones") && request.method === "GET") return jsonResponse({ object: "list", has_more: false, data: [milestone("M1")] });
    if (path.endsWith("/events") && request.method === "GET") return jsonResponse({ object: "list", has_more: false, data: [] });
    if (path.endsWith("/milestones") && request.method === "POST") return jsonResponse(milestone("M2"), 201);
    return jsonResponse({ error: "not found" }, 404);
  });
}

async function setup(options: { respond?: Parameters<typeof fakeFathom>[0]; governor?: TestGovernorOptions } = {}) {
  const upstream = fakeFathom(options.respond);
  const client = createFathomClient({ baseUrl: "https://api.test/v1", token: "secret-token-1234", fetch: upstream.fetch });
  const { governor } = await testGovernor(options.governor);
  const fathom = createGovernedFathom({ client, tokenFingerprint: "fp", governor, settings });
  return { upstream, fathom, governor };
}

const report = {
  entity: "pageview" as const,
  entity_id: "CDBUGS",
  aggregates: ["visits" as const, "pageviews" as const],
  date_from: "2026-03-01 00:00:00",
  date_to: "2026-03-09 23:59:59",
  filters: [
    { property: "pathname" as const, operator: "is" as const, value: "/a" },
    { property: "browser" as const, operator: "is" as const, value: "Firefox" },
  ],
};

describe("aggregate", () => {
  it("sends identical reports once, however their parameters and filters are ordered", async () => {
    const { upstream, fathom } = await setup();
    const reordered = { ...report, aggregates: ["pageviews" as const, "visits" as const], filters: [...report.filters].reverse() };
    const answers = await Promise.all(Array.from({ length: 20 }, (_, i) => fathom.aggregate(i % 2 ? reordered : report, { timezone: "UTC" })));
    expect(upstream.calls).toHaveLength(1);
    expect(answers[0]!.data).toEqual([{ visits: 12, pageviews: 30 }]);
    expect(answers.every((answer) => answer.data === answers[0]!.data)).toBe(true);
    expect(answers[19]!.meta).toMatchObject({ cached: false, stale: false, shared: true, fetchedAt: new Date(START).toISOString() });
  });

  it("keeps a period that ended before today (site timezone) for a day and across a restart", async () => {
    const db = await openTestDatabase();
    const first = await setup({ governor: { persistent: new SqliteAnswerCache(db) } });
    await first.fathom.aggregate(report, { timezone: "UTC" });
    await advance(23 * 60 * 60_000);
    expect((await first.fathom.aggregate(report, { timezone: "UTC" })).meta.cached).toBe(true);

    const restarted = await setup({ governor: { persistent: new SqliteAnswerCache(db) } });
    const answer = await restarted.fathom.aggregate(report, { timezone: "UTC" });
    expect(answer.meta).toMatchObject({ cached: true, stale: false });
    expect(restarted.upstream.calls).toHaveLength(0);
  });

  it("keeps a period touching today only briefly, judged in the site's timezone", async () => {
    const { upstream, fathom } = await setup();
    // 9 March 23:59:59 has not ended in Honolulu (UTC−10: 02:00 on 10 March UTC is 9 March there).
    const honolulu = { ...report, date_to: "2026-03-09 23:59:59" };
    vi.setSystemTime(Date.parse("2026-03-10T02:00:00Z"));
    await fathom.aggregate(honolulu, { timezone: "Pacific/Honolulu" });
    await advance(60_000);
    await fathom.aggregate(honolulu, { timezone: "Pacific/Honolulu" });
    expect(upstream.calls).toHaveLength(2);
  });

  it("refuses a report Fathom would refuse before spending any budget", async () => {
    const { upstream, fathom, governor } = await setup();
    await expect(fathom.aggregate({ ...report, aggregates: ["conversions"] })).rejects.toMatchObject({ kind: "validation", sent: false });
    expect(upstream.calls).toHaveLength(0);
    expect((await governor.state()).classes.reports.available).toBe(10);
  });

  it("honours an upstream 429's Retry-After given as an HTTP date, then succeeds", async () => {
    const { upstream, fathom } = await setup({
      respond: (_request, index) =>
        index === 0
          ? jsonResponse({ message: "Too Many Attempts." }, 429, { "Retry-After": new Date(START + 8_000).toUTCString() })
          : undefined,
    });
    const pending = fathom.aggregate(report, { timezone: "UTC" });
    await settle();
    await advance(7_900);
    expect(upstream.calls).toHaveLength(1);
    await advance(200);
    await expect(pending).resolves.toMatchObject({ data: [{ visits: 12, pageviews: 30 }] });
    expect(upstream.calls).toHaveLength(2);
  });
});

describe("currentVisitors", () => {
  it("fetches a site's figure once per interval for simple and detailed viewers alike", async () => {
    const { upstream, fathom } = await setup();
    const [simple, detailed] = await Promise.all([
      fathom.currentVisitors("CDBUGS"),
      fathom.currentVisitors("CDBUGS", { detailed: true }),
    ]);
    expect(upstream.calls).toHaveLength(1);
    expect(upstream.calls[0]!.url.searchParams.get("detailed")).toBe("true");
    expect(simple.data).toEqual({ total: 7 });
    expect(detailed.data.content).toHaveLength(1);
    expect(simple.meta).toMatchObject({ intervalSeconds: 15, baseIntervalSeconds: 15, nextRefreshAt: new Date(START + 15_000).toISOString() });

    await advance(14_000);
    expect((await fathom.currentVisitors("CDBUGS")).meta.cached).toBe(true);
    await advance(1_000);
    await fathom.currentVisitors("CDBUGS");
    expect(upstream.calls).toHaveLength(2);
  });

  it("stretches the interval when the reports budget is tight, and says so", async () => {
    const { fathom } = await setup({ governor: { reportsPerMinute: 4 } });
    await fathom.aggregate(report, { timezone: "UTC" });
    await fathom.aggregate({ ...report, entity_id: "OTHER" }, { timezone: "UTC" });
    await fathom.aggregate({ ...report, entity_id: "THIRD" }, { timezone: "UTC" });
    const answer = await fathom.currentVisitors("CDBUGS");
    expect(answer.meta).toMatchObject({ intervalSeconds: 30, baseIntervalSeconds: 15, nextRefreshAt: new Date(START + 30_000).toISOString() });
  });

  it("stretches 2× below half the budget and 4× when none is left", () => {
    expect(stretchedIntervalSeconds(15, { available: 10, capacity: 10 })).toBe(15);
    expect(stretchedIntervalSeconds(15, { available: 5, capacity: 10 })).toBe(15);
    expect(stretchedIntervalSeconds(15, { available: 4, capacity: 10 })).toBe(30);
    expect(stretchedIntervalSeconds(15, { available: 0, capacity: 10 })).toBe(60);
    expect(stretchedIntervalSeconds(300, { available: 0, capacity: 10 })).toBe(600);
  });
});

describe("lists and writes", () => {
  it("walks every page, each a governed request, and serves the list from the cache afterwards", async () => {
    const { upstream, fathom, governor } = await setup();
    const sites = await fathom.listAllSites();
    expect(sites.data.map((s) => s.id)).toEqual(["A", "B"]);
    expect(upstream.calls).toHaveLength(2);
    expect((await fathom.listAllSites()).meta.cached).toBe(true);
    expect(upstream.calls).toHaveLength(2);
    expect((await governor.state()).classes.management.upstream.sinceStart).toBe(2);
  });

  it("drops a site's milestone list when Sounding writes a milestone, and nothing else", async () => {
    const { upstream, fathom } = await setup();
    await fathom.listAllMilestones("CDBUGS");
    await fathom.listAllEvents("CDBUGS");
    await fathom.listAllMilestones("OTHER");
    expect(upstream.calls).toHaveLength(3);
    const created = await fathom.createMilestone("CDBUGS", { name: "Launch", milestone_date: "2026-03-01" });
    expect(created.id).toBe("M2");
    expect(upstream.calls).toHaveLength(4);
    expect((await fathom.listAllMilestones("CDBUGS")).meta.cached).toBe(false);
    expect((await fathom.listAllEvents("CDBUGS")).meta.cached).toBe(true);
    expect((await fathom.listAllMilestones("OTHER")).meta.cached).toBe(true);
    expect(upstream.calls).toHaveLength(5);
  });

  it("does not send, nor spend budget on, a write with bad input", async () => {
    const { upstream, fathom, governor } = await setup();
    await expect(fathom.createMilestone("CDBUGS", { name: "x".repeat(31), milestone_date: "2026-03-01" })).rejects.toMatchObject({
      kind: "validation",
      sent: false,
    });
    await expect(fathom.deleteSite("bad/id")).rejects.toMatchObject({ kind: "validation" });
    await expect(fathom.listAllEvents("")).rejects.toMatchObject({ kind: "validation" });
    await expect(fathom.deleteMilestone("CDBUGS", "a/b")).rejects.toMatchObject({ kind: "validation" });
    expect(upstream.calls).toHaveLength(0);
    expect((await governor.state()).classes.management.available).toBe(2000);
  });
});
