import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { createFathomClient } from "@/lib/fathom/client";
import { fakeFetch, jsonResponse, type RecordedRequest } from "@/lib/fathom/fake-fetch";
import { DatabaseAnswerCache } from "@/lib/store/answer-cache-repository";
import { openTestDatabase } from "@/lib/store/db";
import { createGovernedFathom, stretchedIntervalSeconds, type GovernedSettings } from "./governed-fathom";
import { START, advance, awaitableWrites, settle, testGovernor, useFakeClock, type TestGovernorOptions } from "./test-kit";

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
      return jsonResponse({ object: "list", has_more: !after, data: after ? [site("B"), site("CDBUGS"), site("OTHER")] : [site("A")] });
    }
    if (path.endsWith("/milestones") && request.method === "GET") return jsonResponse({ object: "list", has_more: false, data: [milestone("M1")] });
    if (path.endsWith("/events") && request.method === "GET") return jsonResponse({ object: "list", has_more: false, data: [] });
    if (path.endsWith("/milestones") && request.method === "POST") return jsonResponse(milestone("M2"), 201);
    return jsonResponse({ error: "not found" }, 404);
  });
}

/** The requests the fake Fathom received for one path (lists of sites are read on the way, from the cache). */
const sentTo = (upstream: ReturnType<typeof fakeFathom>, path: string) => upstream.calls.filter((call) => call.url.pathname === path);

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
    const persistent = awaitableWrites(new DatabaseAnswerCache(db));
    const first = await setup({ governor: { persistent } });
    await first.fathom.aggregate(report, { timezone: "UTC" });
    await advance(23 * 60 * 60_000);
    expect((await first.fathom.aggregate(report, { timezone: "UTC" })).meta.cached).toBe(true);
    await persistent.written();

    const restarted = await setup({ governor: { persistent: new DatabaseAnswerCache(db) } });
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

  it("refuses a pattern that can backtrack catastrophically before the governor or Fathom sees it", async () => {
    const { upstream, fathom, governor } = await setup();
    const read = vi.spyOn(governor, "read");
    const filters = [...report.filters, { property: "pathname" as const, operator: "matching" as const, value: "(([a-z/-]|[a-z/-])+)+#$" }];
    await expect(fathom.aggregate({ ...report, filters }, { timezone: "UTC" })).rejects.toMatchObject({
      kind: "validation",
      sent: false,
      fields: { "filters.2.value": [expect.stringMatching(/Simplify it/)] },
    });
    expect(read).not.toHaveBeenCalled();
    expect(upstream.calls).toHaveLength(0);
    expect((await governor.state()).classes.reports.available).toBe(10);
  });

  it("sends a safe pattern as written", async () => {
    const { upstream, fathom } = await setup();
    const filters = [{ property: "pathname" as const, operator: "matching" as const, value: "^/blog/\\d{4}/" }];
    await fathom.aggregate({ ...report, filters }, { timezone: "UTC" });
    expect(upstream.calls).toHaveLength(1);
    expect(JSON.parse(upstream.calls[0]!.url.searchParams.get("filters") ?? "[]")).toEqual(filters);
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
    expect(sentTo(upstream, "/v1/current_visitors")).toHaveLength(1);
    expect(sentTo(upstream, "/v1/current_visitors")[0]!.url.searchParams.get("detailed")).toBe("true");
    expect(simple.data).toEqual({ total: 7 });
    expect(detailed.data.content).toHaveLength(1);
    expect(simple.meta).toMatchObject({ intervalSeconds: 15, baseIntervalSeconds: 15, nextRefreshAt: new Date(START + 15_000).toISOString() });

    await advance(14_000);
    expect((await fathom.currentVisitors("CDBUGS")).meta.cached).toBe(true);
    await advance(1_000);
    await fathom.currentVisitors("CDBUGS");
    expect(sentTo(upstream, "/v1/current_visitors")).toHaveLength(2);
  });

  it("answers a made-up site from the cached list of sites, spending nothing of the reports budget", async () => {
    const { upstream, fathom, governor } = await setup();
    for (let i = 0; i < 20; i++) {
      await expect(fathom.currentVisitors(`MADEUP${i}`)).rejects.toMatchObject({ status: 404, code: "site_not_found" });
    }
    expect(sentTo(upstream, "/v1/current_visitors")).toHaveLength(0);
    expect(sentTo(upstream, "/v1/sites")).toHaveLength(2); // one walk of the list, then the cache
    expect((await governor.state()).classes.reports.available).toBe(10);
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
    expect(sites.data.map((s) => s.id)).toEqual(["A", "B", "CDBUGS", "OTHER"]);
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
    const itemCalls = () => upstream.calls.filter((call) => call.url.pathname.startsWith("/v1/sites/")).length;
    expect(itemCalls()).toBe(3);
    const created = await fathom.createMilestone("CDBUGS", { name: "Launch", milestone_date: "2026-03-01" });
    expect(created.id).toBe("M2");
    expect(itemCalls()).toBe(4);
    expect((await fathom.listAllMilestones("CDBUGS")).meta.cached).toBe(false);
    expect((await fathom.listAllEvents("CDBUGS")).meta.cached).toBe(true);
    expect((await fathom.listAllMilestones("OTHER")).meta.cached).toBe(true);
    expect(itemCalls()).toBe(5);
  });

  it("answers unknown sites, events and milestones from the cached lists, sending no write", async () => {
    const { upstream, fathom } = await setup();
    await expect(fathom.listAllMilestones("NOSUCH")).rejects.toMatchObject({ status: 404, code: "site_not_found" });
    await expect(fathom.deleteMilestone("CDBUGS", "made-up-id")).rejects.toMatchObject({ status: 404, code: "milestone_not_found" });
    await expect(fathom.updateMilestone("CDBUGS", "made-up-id", { name: "x", milestone_date: "2026-03-01" })).rejects.toMatchObject({
      code: "milestone_not_found",
    });
    await expect(fathom.deleteEvent("CDBUGS", "NOEVENT1")).rejects.toMatchObject({ status: 404, code: "event_not_found" });
    await expect(fathom.createMilestone("NOSUCH", { name: "x", milestone_date: "2026-03-01" })).rejects.toMatchObject({ code: "site_not_found" });
    expect(upstream.calls.filter((call) => call.method !== "GET")).toHaveLength(0);
    await fathom.deleteMilestone("CDBUGS", "M1").catch(() => undefined);
    expect(upstream.calls.filter((call) => call.method === "DELETE").map((call) => call.url.pathname)).toEqual(["/v1/sites/CDBUGS/milestones/M1"]);
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
