import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { createFathomClient } from "@/lib/fathom/client";
import { fakeFetch, jsonResponse } from "@/lib/fathom/fake-fetch";
import { MemoryBuckets } from "./buckets";
import { createGovernedFathom } from "./governed-fathom";
import { bucketLimits } from "./process-governor";
import { START, advance, testGovernor, useFakeClock } from "./test-kit";

beforeEach(() => useFakeClock(START));
afterEach(() => vi.useRealTimers());

const LATENCY_MS = 150;
const SECONDS = 90;

/** Six different reports about periods that touch today (the costly case: kept only 60 s). */
const reports = ["visits", "pageviews", "uniques", "bounce_rate", "avg_duration"]
  .map((aggregate) => ({ entity: "pageview", entity_id: "CDBUGS", aggregates: [aggregate], date_from: "2026-03-01 00:00:00" }))
  .concat([{ entity: "pageview", entity_id: "CDBUGS", aggregates: ["visits"], date_from: "2026-03-01 00:00:00", field_grouping: ["pathname"] } as never]);

/**
 * V viewers open a dashboard within the first 5 s, reload its reports every 61 s (just after the
 * answers of a period touching today expire) and poll current visitors every 15 s, for 90 s. Returns
 * what Fathom saw and what the viewers got.
 */
async function play(viewers: number) {
  const begin = Date.now();
  const sent: Array<{ at: number; path: string }> = [];
  const upstream = fakeFetch(async (request) => {
    sent.push({ at: Date.now() - begin, path: request.url.pathname });
    await new Promise((resolve) => setTimeout(resolve, LATENCY_MS));
    if (request.url.pathname === "/v1/current_visitors") return jsonResponse({ total: 3, content: [], referrers: [] });
    if (request.url.pathname === "/v1/sites") {
      const site = { id: "CDBUGS", object: "site", name: "Bugs", sharing: "none", created_at: "2024-01-01 00:00:00", timezone: "UTC" };
      return jsonResponse({ object: "list", has_more: false, data: [site] });
    }
    return jsonResponse([{ visits: "1", pageviews: "1", uniques: "1", bounce_rate: "0.5", avg_duration: "30", pathname: "/" }]);
  });
  const config = { FATHOM_RATE_LIMIT_REPORTS_PER_MINUTE: 10, FATHOM_RATE_LIMIT_OTHER_PER_HOUR: 2000 } as Parameters<typeof bucketLimits>[0];
  const { governor } = await testGovernor({ buckets: new MemoryBuckets(bucketLimits(config), 5) });
  const fathom = createGovernedFathom({
    client: createFathomClient({ baseUrl: "https://api.test/v1", token: "token-for-the-benchmark", fetch: upstream.fetch }),
    tokenFingerprint: "fp",
    governor,
    settings: { closedPeriodSeconds: 86_400, openPeriodSeconds: 60, listsSeconds: 300, currentVisitorsIntervalSeconds: 15 },
  });
  const seen = { asked: 0, errors: 0, stale: 0 };
  const ask = (answer: Promise<{ meta: { stale: boolean } }>) => {
    seen.asked++;
    answer.then(
      (value) => void (value.meta.stale && seen.stale++),
      () => void seen.errors++,
    );
  };
  for (let viewer = 0; viewer < viewers; viewer++) {
    const opensAt = Math.floor((viewer * 5_000) / viewers);
    for (let at = opensAt; at < SECONDS * 1000; at += 61_000) {
      setTimeout(() => reports.forEach((report) => ask(fathom.aggregate(report, { priority: "share", timezone: "UTC" }))), at);
    }
    for (let at = opensAt; at < SECONDS * 1000; at += 15_000) setTimeout(() => ask(fathom.currentVisitors("CDBUGS")), at);
  }
  for (let t = 0; t < SECONDS + 30; t++) await advance(1_000);

  // The reports class: aggregations and current visitors (the list of sites is read once, from the other class).
  const reportTimes = sent.filter((call) => call.path !== "/v1/sites").map((call) => call.at);
  const maxIn60s = Math.max(...reportTimes.map((from) => reportTimes.filter((at) => at >= from && at < from + 60_000).length));
  return { upstream: sent.length, maxIn60s, ...seen };
}

describe("many viewers", () => {
  it("fifty viewers cost what one viewer costs, never more than 10 report requests in a minute, and no errors", async () => {
    const one = await play(1);
    const fifty = await play(50);
    expect(fifty.asked).toBe(50 * one.asked);
    expect(fifty.upstream).toBeLessThanOrEqual(one.upstream + 2);
    expect(fifty.maxIn60s).toBeLessThanOrEqual(10);
    expect(one.maxIn60s).toBeLessThanOrEqual(10);
    expect(fifty.errors).toBe(0);
  });
});
