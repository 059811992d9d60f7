import { describe, expect, it } from "vitest";
import { notCachedError } from "@/lib/governor/budget-errors";
import type { BudgetState, ClassState } from "@/lib/governor/budget-state";
import type { AggregationParams } from "@/lib/query/aggregation-params";
import { defaultReportQuery, type ReportQuery } from "@/lib/query/report-query";
import { reportCost, type CostReads } from "./report-cost";
import { requestsOf } from "./report-cost-answer";

const NOW = new Date("2024-05-15T16:00:00Z");
const META = { fetchedAt: NOW.toISOString(), freshUntil: NOW.toISOString(), cached: true, stale: false, shared: false };

const reports: ClassState = {
  capacity: 10,
  available: 6,
  windowSeconds: 61,
  nextTokenAt: "2024-05-15T16:00:20.000Z",
  pausedUntil: null,
  queued: { interactive: 2, share: 1, poll: 0 },
  upstream: { lastMinute: 4, today: 4, month: 4, sinceStart: 4 },
};
const state = { classes: { reports } } as BudgetState;

/** Reads whose kept answers are `kept` (by date_from and whether grouped); every read is cachedOnly, or the test fails. */
function reads(kept: (params: AggregationParams) => "fresh" | "stale" | "none") {
  const asked: Array<{ params: AggregationParams; cachedOnly: boolean }> = [];
  const fake: CostReads = {
    listAllSites: async () => ({ data: [{ id: "CDBUGS", name: "Bugs", timezone: "America/New_York", created_at: "2022-01-01 00:00:00" }], meta: META }) as never,
    aggregate: async (params, options) => {
      asked.push({ params: params as AggregationParams, cachedOnly: options?.cachedOnly === true });
      const answer = kept(params as AggregationParams);
      if (answer === "none") throw notCachedError();
      return { data: [], meta: { ...META, stale: answer === "stale" } };
    },
  };
  return { fake, asked };
}

describe("reportCost", () => {
  it("counts the plan's questions and those a fresh kept answer holds, asking only kept answers", async () => {
    const query: ReportQuery = { ...defaultReportQuery("CDBUGS"), compare: "previous_period" };
    // The rows are kept fresh; the totals only stale; the comparison's nothing.
    const { fake, asked } = reads((params) => ((params.date_from ?? "").startsWith("2024-04-16") ? (params.date_grouping ? "fresh" : "stale") : "none"));
    const cost = await reportCost(query, { reads: fake, state, now: NOW });
    expect([cost.questions, cost.cached, requestsOf(cost)]).toEqual([4, 1, 3]);
    expect(cost.budget).toEqual({ available: 6, capacity: 10, windowSeconds: 61, nextTokenAt: "2024-05-15T16:00:20.000Z", pausedUntil: null, queued: 2 });
    expect(asked).toHaveLength(4);
    expect(asked.every((call) => call.cachedOnly)).toBe(true);
  });

  it("costs one request for a daily report of additive metrics (its totals are summed), nothing when it is kept", async () => {
    const query: ReportQuery = { ...defaultReportQuery("CDBUGS"), metrics: ["pageviews", "visits"] };
    expect(requestsOf(await reportCost(query, { reads: reads(() => "none").fake, state, now: NOW }))).toBe(1);
    expect(requestsOf(await reportCost(query, { reads: reads(() => "fresh").fake, state, now: NOW }))).toBe(0);
  });

  it("costs nothing for a site the account does not have", async () => {
    const { fake, asked } = reads(() => "none");
    expect(await reportCost(defaultReportQuery("NOPE"), { reads: fake, state, now: NOW })).toMatchObject({ questions: 0, cached: 0 });
    expect(asked).toEqual([]);
  });
});
