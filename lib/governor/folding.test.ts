import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { createFathomClient } from "@/lib/fathom/client";
import { fakeFetch, jsonResponse } from "@/lib/fathom/fake-fetch";
import { DatabaseAnswerCache } from "@/lib/store/answer-cache-repository";
import { openTestDatabase } from "@/lib/store/db";
import { isNotCached } from "./budget-errors";
import { project } from "./folding";
import { createGovernedFathom, type GovernedSettings } from "./governed-fathom";
import { START, advance, awaitableWrites, settle, testGovernor, track, useFakeClock, type TestGovernorOptions } from "./test-kit";

beforeEach(() => useFakeClock(START)); // 2026-03-10 12:00 UTC
afterEach(() => vi.useRealTimers());

const settings: GovernedSettings = { closedPeriodSeconds: 86_400, openPeriodSeconds: 60, listsSeconds: 300, currentVisitorsIntervalSeconds: 15 };
const WINDOW_MS = 20;
const VALUES: Record<string, number> = { visits: 10, uniques: 8, pageviews: 30, avg_duration: 61.5, bounce_rate: 0.4 };

/**
 * A fake Fathom that answers an aggregation with the aggregates and the grouping asked for (two pathnames
 * when grouped by pathname, else one row), and can hold its answers until the test lets them go.
 */
function fakeFathom() {
  const held: Array<() => void> = [];
  const state = { hold: false, fail: false };
  const upstream = fakeFetch(async (request) => {
    if (request.url.pathname !== "/v1/aggregations") return jsonResponse({ error: "not found" }, 404);
    if (state.hold) await new Promise<void>((resolve) => held.push(resolve));
    if (state.fail) return jsonResponse({ error: "Server Error" }, 500);
    const aggregates = request.url.searchParams.get("aggregates")!.split(",");
    const grouped = request.url.searchParams.get("field_grouping") === "pathname";
    const rows = (grouped ? ["/a", "/b"] : [undefined]).map((pathname, index) => ({
      ...(pathname ? { pathname } : {}),
      ...Object.fromEntries(aggregates.map((aggregate) => [aggregate, String(VALUES[aggregate]! * (index + 1))])),
    }));
    return jsonResponse(rows);
  });
  const aggregatesSent = () => upstream.calls.map((call) => call.url.searchParams.get("aggregates"));
  return { ...upstream, held, state, aggregatesSent };
}

async function setup(governor: TestGovernorOptions = {}) {
  const upstream = fakeFathom();
  const client = createFathomClient({ baseUrl: "https://api.test/v1", token: "secret-token-1234", fetch: upstream.fetch });
  const built = await testGovernor({ foldWindowMs: WINDOW_MS, ...governor });
  const fathom = createGovernedFathom({ client, tokenFingerprint: "fp", governor: built.governor, settings });
  return { upstream, fathom, governor: built.governor };
}

type Report = Parameters<ReturnType<typeof createGovernedFathom>["aggregate"]>[0];
/** Last week's pages (a closed period), grouped by pathname and sorted by it, so any aggregates may be asked. */
const topPages = {
  entity: "pageview" as const,
  entity_id: "CDBUGS",
  date_from: "2026-03-01 00:00:00",
  date_to: "2026-03-09 23:59:59",
  field_grouping: ["pathname" as const],
  sort_by: "pathname:asc",
  limit: 10,
  filters: [{ property: "browser" as const, operator: "is" as const, value: "Firefox" }],
};
const tile = (aggregates: string[], extra: Record<string, unknown> = {}): Report => ({ ...topPages, aggregates, ...extra });

/** Loads the tiles together, the way a dashboard does, and waits out the fold window. */
async function loadTogether(fathom: Awaited<ReturnType<typeof setup>>["fathom"], reports: Report[], options = { timezone: "UTC" }) {
  const pending = reports.map((report) => fathom.aggregate(report, options));
  await advance(WINDOW_MS);
  return Promise.all(pending);
}

describe("folding tiles that differ only in their aggregates", () => {
  it("(a) fetches two tiles loaded together as one request for the union, each answered with its own columns", async () => {
    const { upstream, fathom, governor } = await setup();
    // Top pages by pageviews: the sort names an aggregate every tile of the fold asks for (Fathom's rule).
    const byPageviews = { sort_by: "pageviews:desc" };
    const [pageviews, mixed] = await loadTogether(fathom, [tile(["pageviews"], byPageviews), tile(["bounce_rate", "pageviews", "visits"], byPageviews)]);
    expect(upstream.calls).toHaveLength(1);
    expect(upstream.aggregatesSent()).toEqual(["pageviews,visits,bounce_rate"]); // the one sorted by first, then the vocabulary's order
    expect(pageviews!.data).toEqual([{ pathname: "/a", pageviews: 30 }, { pathname: "/b", pageviews: 60 }]);
    expect(mixed!.data).toEqual([
      { pathname: "/a", visits: 10, pageviews: 30, bounce_rate: 0.4 },
      { pathname: "/b", visits: 20, pageviews: 60, bounce_rate: 0.8 },
    ]);
    expect(pageviews!.meta).toMatchObject({ cached: false, shared: false, stale: false, fetchedAt: new Date(START + WINDOW_MS).toISOString() });
    expect(mixed!.meta).toMatchObject({ cached: false, shared: true, stale: false });
    expect((await governor.state()).classes.reports.upstream.sinceStart).toBe(1);
  });

  it("folds ungrouped totals and date series too, keeping the date bucket in every row", async () => {
    const { upstream, fathom } = await setup();
    const totals = { ...topPages, field_grouping: undefined, sort_by: undefined, limit: undefined };
    const [visits, uniques] = await loadTogether(fathom, [tile(["visits"], totals), tile(["uniques"], totals)]);
    expect(upstream.aggregatesSent()).toEqual(["visits,uniques"]);
    expect(visits!.data).toEqual([{ visits: 10 }]);
    expect(uniques!.data).toEqual([{ uniques: 8 }]);
    const rows = [{ date: "2026-03-01", visits: 1, uniques: 2 }];
    expect(project({ columns: ["visits", "uniques"], rows }, ["uniques"])).toEqual([{ date: "2026-03-01", uniques: 2 }]);
  });

  it("sends a report asked on its own (solo) at once, without waiting out the window, yet lets a batch already open take it", async () => {
    const { upstream, fathom } = await setup();
    const alone = fathom.aggregate(tile(["visits"]), { timezone: "UTC", solo: true });
    await settle();
    expect(upstream.calls).toHaveLength(1); // no time has passed: it did not wait for company
    expect((await alone).data).toEqual([{ pathname: "/a", visits: 10 }, { pathname: "/b", visits: 20 }]);

    const other = { date_to: "2026-03-08 23:59:59" };
    const tileOfBoard = fathom.aggregate(tile(["pageviews"], other), { timezone: "UTC" });
    const soloLater = fathom.aggregate(tile(["uniques"], other), { timezone: "UTC", solo: true });
    await settle();
    expect(upstream.calls).toHaveLength(1); // the solo one joined the open batch rather than cost a call of its own
    await advance(WINDOW_MS);
    await Promise.all([tileOfBoard, soloLater]);
    expect(upstream.aggregatesSent()).toEqual(["visits", "uniques,pageviews"]);
  });

  it("(b) serves a later request for a subset, or for the union itself, from the kept answer without a call", async () => {
    const { upstream, fathom } = await setup();
    await loadTogether(fathom, [tile(["pageviews"]), tile(["visits", "pageviews", "bounce_rate"])]);
    const subset = await fathom.aggregate(tile(["pageviews", "visits"]), { timezone: "UTC" });
    const union = await fathom.aggregate(tile(["bounce_rate", "visits", "pageviews"]), { timezone: "UTC" });
    expect(upstream.calls).toHaveLength(1);
    expect(subset.data).toEqual([{ pathname: "/a", visits: 10, pageviews: 30 }, { pathname: "/b", visits: 20, pageviews: 60 }]);
    expect(subset.meta).toMatchObject({ cached: true, shared: false, stale: false });
    expect(union.meta.cached).toBe(true);
    // Fifty viewers of one tile share one projection rather than fifty copies.
    expect((await fathom.aggregate(tile(["pageviews", "visits"]), { timezone: "UTC" })).data).toBe(subset.data);
  });

  it("(c) sends a request for more aggregates than are kept, asking for the kept ones too so the answer only grows", async () => {
    const { upstream, fathom } = await setup();
    await loadTogether(fathom, [tile(["pageviews"])]);
    const [wider] = await loadTogether(fathom, [tile(["pageviews", "uniques"])]);
    expect(upstream.aggregatesSent()).toEqual(["pageviews", "uniques,pageviews"]);
    expect(wider!.meta).toMatchObject({ cached: false, shared: false });
    expect(wider!.data[0]).toEqual({ pathname: "/a", uniques: 8, pageviews: 30 });
    await fathom.aggregate(tile(["uniques"]), { timezone: "UTC" });
    await fathom.aggregate(tile(["pageviews"]), { timezone: "UTC" });
    expect(upstream.calls).toHaveLength(2);
    await loadTogether(fathom, [tile(["visits"])]);
    expect(upstream.aggregatesSent()[2]).toBe("visits,uniques,pageviews");
    await fathom.aggregate(tile(["uniques", "pageviews"]), { timezone: "UTC" });
    expect(upstream.calls).toHaveLength(3);
  });

  it("(d) keeps reports apart that differ in filters, range, sort, limit or grouping", async () => {
    const { upstream, fathom } = await setup();
    await loadTogether(fathom, [
      tile(["pageviews"]),
      tile(["visits", "pageviews"], { filters: [{ property: "browser", operator: "is", value: "Safari" }] }),
      tile(["visits", "pageviews"], { date_from: "2026-03-02 00:00:00" }),
      tile(["visits", "pageviews"], { sort_by: "visits:desc" }),
      tile(["visits", "pageviews"], { limit: 5 }),
      tile(["visits", "pageviews"], { field_grouping: ["hostname"], sort_by: "hostname:asc" }),
      tile(["visits", "pageviews"], { entity_id: "OTHER" }),
    ]);
    expect(upstream.calls).toHaveLength(7);
  });

  it("never folds unsorted reports grouped by a field, whose rows may follow their first aggregate", async () => {
    const { upstream, fathom } = await setup();
    const unsorted = { sort_by: undefined };
    await loadTogether(fathom, [tile(["pageviews", "visits"], unsorted), tile(["visits", "pageviews"], unsorted), tile(["visits"], unsorted)]);
    expect(upstream.aggregatesSent().sort()).toEqual(["pageviews,visits", "visits", "visits,pageviews"]);
    await fathom.aggregate(tile(["pageviews", "visits"], unsorted), { timezone: "UTC" });
    expect(upstream.calls).toHaveLength(3);
  });
});

describe("folding with calls in flight", () => {
  it("answers a request whose aggregates a call in flight asks for when that call lands, without a second call", async () => {
    const { upstream, fathom } = await setup();
    upstream.state.hold = true;
    const first = track(fathom.aggregate(tile(["visits", "pageviews"]), { timezone: "UTC" }));
    await advance(WINDOW_MS);
    const late = track(fathom.aggregate(tile(["visits"]), { timezone: "UTC" }));
    await settle(); // no fold window for it: it joins the call at once
    expect(upstream.calls).toHaveLength(1);
    upstream.held.shift()!();
    await settle();
    await settle();
    expect(first.value).toMatchObject({ meta: { shared: false } });
    expect(late.value).toMatchObject({ data: [{ pathname: "/a", visits: 10 }, { pathname: "/b", visits: 20 }], meta: { cached: false, shared: true } });
  });

  it("keeps the wider answer when a narrower call sent earlier lands after it", async () => {
    const { upstream, fathom } = await setup();
    upstream.state.hold = true;
    const narrow = track(fathom.aggregate(tile(["pageviews"]), { timezone: "UTC" }));
    await advance(WINDOW_MS);
    const wide = track(fathom.aggregate(tile(["visits", "pageviews"]), { timezone: "UTC" }));
    await advance(WINDOW_MS);
    expect(upstream.aggregatesSent()).toEqual(["pageviews", "visits,pageviews"]);
    upstream.held[1]!(); // the wide one lands first
    await settle();
    upstream.held[0]!();
    await settle();
    await settle();
    expect(narrow.value).toMatchObject({ data: [{ pathname: "/a", pageviews: 30 }, { pathname: "/b", pageviews: 60 }] });
    expect(wide.value).toMatchObject({ data: [{ pathname: "/a", visits: 10, pageviews: 30 }, { pathname: "/b", visits: 20, pageviews: 60 }] });
    upstream.state.hold = false;
    expect((await fathom.aggregate(tile(["visits"]), { timezone: "UTC" })).meta.cached).toBe(true);
    expect(upstream.calls).toHaveLength(2);
  });
});

describe("peeking (cachedOnly)", () => {
  it("(e) spends nothing and says so when nothing is kept, nor waits for a call in flight", async () => {
    const { upstream, fathom, governor } = await setup();
    const error = await fathom.aggregate(tile(["pageviews"]), { timezone: "UTC", cachedOnly: true }).catch((caught: unknown) => caught);
    expect(isNotCached(error)).toBe(true);
    expect(error).toMatchObject({ status: 404, code: "not_cached", sent: false });
    upstream.state.hold = true;
    track(fathom.aggregate(tile(["pageviews"]), { timezone: "UTC" }));
    await advance(WINDOW_MS);
    await expect(fathom.aggregate(tile(["pageviews"]), { timezone: "UTC", cachedOnly: true })).rejects.toSatisfy(isNotCached);
    expect(upstream.calls).toHaveLength(1);
    expect((await governor.state()).cache.requests).toBe(1);
  });

  it("serves a subset of a kept answer, and a stale one marked so, but not more aggregates than are kept", async () => {
    const { upstream, fathom } = await setup();
    const today = { date_to: undefined }; // touches today: fresh for 60 s
    await loadTogether(fathom, [tile(["pageviews"], today), tile(["visits", "pageviews"], today)]);
    const peeked = await fathom.aggregate(tile(["visits"], today), { timezone: "UTC", cachedOnly: true });
    expect(peeked).toMatchObject({ data: [{ pathname: "/a", visits: 10 }, { pathname: "/b", visits: 20 }], meta: { cached: true, stale: false } });
    await expect(fathom.aggregate(tile(["visits", "uniques"], today), { timezone: "UTC", cachedOnly: true })).rejects.toSatisfy(isNotCached);
    await advance(61_000);
    expect((await fathom.aggregate(tile(["visits"], today), { timezone: "UTC", cachedOnly: true })).meta).toMatchObject({ cached: true, stale: true });
    expect(upstream.calls).toHaveLength(1);
  });
});

describe("folded answers and the rest of the governor", () => {
  it("(f) drops folded answers when their site's tag is invalidated", async () => {
    const { upstream, fathom, governor } = await setup();
    await loadTogether(fathom, [tile(["pageviews"]), tile(["visits", "pageviews"])]);
    await governor.invalidate("site:OTHER");
    expect((await fathom.aggregate(tile(["visits"]), { timezone: "UTC" })).meta.cached).toBe(true);
    await governor.invalidate("site:CDBUGS");
    await expect(fathom.aggregate(tile(["visits"]), { timezone: "UTC", cachedOnly: true })).rejects.toSatisfy(isNotCached);
    const pending = fathom.aggregate(tile(["visits"]), { timezone: "UTC" });
    await advance(WINDOW_MS);
    expect((await pending).meta.cached).toBe(false);
    expect(upstream.calls).toHaveLength(2);
  });

  it("(g) keeps a folded answer about a closed period across a restart, for the union and any subset", async () => {
    const db = await openTestDatabase();
    const persistent = awaitableWrites(new DatabaseAnswerCache(db));
    const first = await setup({ persistent });
    await loadTogether(first.fathom, [tile(["pageviews"]), tile(["visits", "pageviews", "avg_duration"])]);
    await persistent.written();

    const restarted = await setup({ persistent: new DatabaseAnswerCache(db) });
    const peeked = await restarted.fathom.aggregate(tile(["avg_duration", "pageviews"]), { timezone: "UTC", cachedOnly: true });
    expect(peeked.data).toEqual([{ pathname: "/a", pageviews: 30, avg_duration: 61.5 }, { pathname: "/b", pageviews: 60, avg_duration: 123 }]);
    const [subset, union] = await loadTogether(restarted.fathom, [tile(["visits", "pageviews"]), tile(["pageviews", "avg_duration", "visits"])]);
    expect(subset!.meta).toMatchObject({ cached: true, stale: false });
    expect(subset!.data).toEqual([{ pathname: "/a", visits: 10, pageviews: 30 }, { pathname: "/b", visits: 20, pageviews: 60 }]);
    expect(union!.meta.cached).toBe(true);
    expect(restarted.upstream.calls).toHaveLength(0);
  });

  it("serves a subset of a folded answer as stale when the budget is spent", async () => {
    const { upstream, fathom } = await setup({ reportsPerMinute: 2 });
    const today = { date_to: undefined };
    await loadTogether(fathom, [tile(["pageviews"], today), tile(["visits", "pageviews"], today)]);
    await advance(61_000);
    upstream.state.hold = true;
    track(fathom.aggregate(tile(["pageviews"], { date_to: undefined, entity_id: "B" }), { timezone: "UTC" }));
    track(fathom.aggregate(tile(["pageviews"], { date_to: undefined, entity_id: "C" }), { timezone: "UTC" }));
    await advance(WINDOW_MS);
    const pending = fathom.aggregate(tile(["visits"], today), { timezone: "UTC" });
    await advance(WINDOW_MS);
    expect(await pending).toMatchObject({ data: [{ pathname: "/a", visits: 10 }, { pathname: "/b", visits: 20 }], meta: { stale: true, cached: true } });
    expect(upstream.calls).toHaveLength(3);
  });

  it("tells a caller the kept answer lacks columns for to come back later, rather than serve it stale", async () => {
    const { upstream, fathom } = await setup({ reportsPerMinute: 2 });
    const today = { date_to: undefined };
    await loadTogether(fathom, [tile(["visits"], today)]);
    await advance(61_000);
    upstream.state.hold = true;
    track(fathom.aggregate(tile(["pageviews"], { date_to: undefined, entity_id: "B" }), { timezone: "UTC" }));
    track(fathom.aggregate(tile(["pageviews"], { date_to: undefined, entity_id: "C" }), { timezone: "UTC" }));
    await advance(WINDOW_MS);
    const kept = track(fathom.aggregate(tile(["visits"], today), { timezone: "UTC" }));
    const missing = track(fathom.aggregate(tile(["uniques"], today), { timezone: "UTC" }));
    await advance(WINDOW_MS);
    await advance(20_000);
    expect(kept.value).toMatchObject({ data: [{ pathname: "/a", visits: 10 }, { pathname: "/b", visits: 20 }], meta: { stale: true } });
    expect(missing.value).toBeUndefined();
    expect(missing.error).toMatchObject({ status: 429, code: "budget_exhausted" });
    expect(upstream.calls).toHaveLength(3);
  });

  it("serves a failed union's callers the stale answer only when it holds their columns", async () => {
    const { upstream, fathom } = await setup({ maxRetries: 0 });
    const today = { date_to: undefined };
    await loadTogether(fathom, [tile(["visits"], today)]);
    await advance(61_000);
    upstream.state.fail = true;
    const kept = track(fathom.aggregate(tile(["visits"], today), { timezone: "UTC" }));
    const missing = track(fathom.aggregate(tile(["uniques"], today), { timezone: "UTC" }));
    await advance(WINDOW_MS);
    await settle();
    expect(upstream.aggregatesSent()).toEqual(["visits", "visits,uniques"]);
    expect(kept.value).toMatchObject({ data: [{ pathname: "/a", visits: 10 }, { pathname: "/b", visits: 20 }], meta: { stale: true } });
    expect(missing.done).toBe(true);
    expect(missing.value).toBeUndefined();
    expect(missing.error).toMatchObject({ status: 500 });
  });
});
