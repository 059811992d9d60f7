import { describe, expect, it, vi } from "vitest";
import { ApiError } from "@/lib/api/errors";
import type { AggregationRow } from "@/lib/fathom/aggregations";
import type { FathomMilestone } from "@/lib/fathom/milestones";
import type { FathomSite } from "@/lib/fathom/sites";
import type { AnswerMeta } from "@/lib/governor/answer-meta";
import type { AggregationParams } from "@/lib/query/aggregation-params";
import { defaultReportQuery, type ReportQuery } from "@/lib/query/report-query";
import { reportResultSchema } from "@/lib/query/report-result";
import { runReport, type ReportSource } from "./run-report";

// Wednesday 15 May 2024, 12:00 in New York.
const NOW = new Date("2024-05-15T16:00:00Z");

const site = (patch: Partial<FathomSite> = {}): FathomSite => ({
  id: "CDBUGS",
  object: "site",
  name: "Bugs Bunny Portfolio",
  sharing: "none",
  created_at: "2022-03-01 10:00:00",
  timezone: "America/New_York",
  ...patch,
});

const milestone = (name: string, date: string): FathomMilestone => ({
  id: `m-${name}`,
  object: "milestone",
  name,
  milestone_date: `${date} 00:00:00`,
  created_at: "2024-01-01 00:00:00",
  updated_at: null,
});

const meta = (patch: Partial<AnswerMeta> = {}): AnswerMeta => ({
  fetchedAt: "2024-05-15T15:59:00.000Z",
  freshUntil: "2024-05-15T16:00:00.000Z",
  cached: false,
  stale: false,
  shared: false,
  ...patch,
});

type Answer = { rows: AggregationRow[]; meta?: Partial<AnswerMeta> };

/** A fake governed Fathom: answers aggregations with `answer(params)`, records every call. */
function fakeSource(answer: (params: AggregationParams) => Answer, options: { sites?: FathomSite[]; milestones?: FathomMilestone[] | Error } = {}) {
  const calls: Array<{ params: AggregationParams; timezone: string; priority: string }> = [];
  const source: ReportSource = {
    aggregate: vi.fn(async (params: AggregationParams, { timezone, priority }) => {
      calls.push({ params, timezone, priority });
      const { rows, meta: patch } = answer(params);
      return { data: rows, meta: meta(patch) };
    }),
    listAllSites: async () => ({ data: options.sites ?? [site()], meta: meta({ cached: true }) }),
    listAllEvents: async () => ({ data: [{ id: "PURCHASE", name: "Purchase" }], meta: meta({ cached: true }) }),
    listAllMilestones: async () => {
      if (options.milestones instanceof Error) throw options.milestones;
      return { data: options.milestones ?? [], meta: meta({ cached: true }) };
    },
  };
  return { source, calls };
}

const isTotals = (params: AggregationParams) => !params.date_grouping && !params.field_grouping;
const base = defaultReportQuery("CDBUGS");
const week: ReportQuery = { ...base, range: { preset: "last_7_days" }, metrics: ["visits", "uniques", "bounce_rate"] };

describe("runReport", () => {
  it("fills the days Fathom left out with zeros and takes the totals from the ungrouped answer", async () => {
    const { source, calls } = fakeSource((params) =>
      isTotals(params)
        ? { rows: [{ visits: 40, uniques: 31, bounce_rate: 0.5 }] }
        : {
            rows: [
              { date: "2024-05-09", visits: 10, uniques: 9, bounce_rate: 0.4 },
              { date: "2024-05-12", visits: 20, uniques: 18, bounce_rate: 0.6 },
              { date: "2024-05-15", visits: 15, uniques: 15, bounce_rate: 0.5 },
            ],
          },
    );
    const result = await runReport(week, { source, now: NOW });
    expect(result.range).toMatchObject({ from: "2024-05-09 00:00:00", to: "2024-05-15 23:59:59", timezone: "America/New_York", grouping: "day" });
    expect(result.rows.map((row) => [row.date, row.values.visits])).toEqual([
      ["2024-05-09", 10],
      ["2024-05-10", 0],
      ["2024-05-11", 0],
      ["2024-05-12", 20],
      ["2024-05-13", 0],
      ["2024-05-14", 0],
      ["2024-05-15", 15],
    ]);
    expect(result.rows[1]?.values).toEqual({ visits: 0, uniques: 0, bounce_rate: 0 });
    // 10 + 20 + 15 = 45 visits in the buckets, but the total is Fathom's own: 40.
    expect(result.totals).toEqual({ visits: 40, uniques: 31, bounce_rate: 0.5 });
    expect(calls).toHaveLength(2);
    expect(calls.every((call) => call.timezone === "America/New_York" && call.priority === "interactive")).toBe(true);
    expect(result.comparison).toBeUndefined();
    expect(result.meta).toEqual({ fetchedAt: "2024-05-15T15:59:00.000Z", cached: false, stale: false, upstreamCalls: 2 });
  });

  it("answers in the schema the page parses, through JSON", async () => {
    const { source } = fakeSource(() => ({ rows: [{ date: "2024-05-10", visits: 1, uniques: 1, bounce_rate: 1 }] }));
    const result = await runReport({ ...week, compare: "previous_year" }, { source, now: NOW });
    expect(reportResultSchema.parse(JSON.parse(JSON.stringify(result)))).toEqual(result);
  });

  it("stops an hourly series at the current hour in the site's timezone, keeping the whole day on the axis", async () => {
    const { source } = fakeSource((params) => (isTotals(params) ? { rows: [{ visits: 3 }] } : { rows: [{ date: "2024-05-15 09:00:00", visits: 3 }] }));
    const result = await runReport({ ...base, range: { preset: "today" }, metrics: ["visits"] }, { source, now: NOW });
    expect(result.range.grouping).toBe("hour");
    expect(result.range.buckets).toHaveLength(24);
    // 16:00 UTC is 12:00 in New York: buckets 00:00..12:00.
    expect(result.rows.map((row) => row.date)).toEqual(result.range.buckets.slice(0, 13));
    expect(result.rows[9]).toMatchObject({ date: "2024-05-15 09:00:00", values: { visits: 3 } });
  });

  it("adds the comparison's weekday-aligned series and totals", async () => {
    const { source, calls } = fakeSource((params) => {
      const previous = params.date_from === "2024-05-02 00:00:00";
      if (isTotals(params)) return { rows: [{ visits: previous ? 70 : 35, uniques: 1, bounce_rate: 0.1 }] };
      return { rows: previous ? [{ date: "2024-05-03", visits: 70, uniques: 1, bounce_rate: 0.1 }] : [] };
    });
    const result = await runReport({ ...week, compare: "previous_period" }, { source, now: NOW });
    expect(calls).toHaveLength(4);
    expect(result.comparison?.range).toMatchObject({ startDate: "2024-05-02", endDate: "2024-05-08", grouping: "day" });
    expect(result.comparison?.rows).toHaveLength(7);
    expect(result.comparison?.rows[1]).toMatchObject({ date: "2024-05-03", values: { visits: 70 } });
    expect(result.comparison?.totals.visits).toBe(70);
    expect(result.totals.visits).toBe(35);
    expect(result.rows.every((row) => row.values.visits === 0)).toBe(true);
  });

  it("keeps field-grouped rows in Fathom's order with null for missing values; the comparison has totals only", async () => {
    const { source, calls } = fakeSource((params) =>
      isTotals(params)
        ? { rows: [{ pageviews: 500 }] }
        : { rows: [{ pathname: "/", referrer_hostname: null, pageviews: 300 }, { pathname: "/blog", referrer_hostname: "news.ycombinator.com", pageviews: 120 }] },
    );
    const query: ReportQuery = { ...base, grouping: "none", by: ["pathname", "referrer_hostname"], metrics: ["pageviews"], limit: 10, compare: "previous_year" };
    const result = await runReport(query, { source, now: NOW });
    expect(result.rows).toEqual([
      { fields: { pathname: "/", referrer_hostname: null }, values: { pageviews: 300 } },
      { fields: { pathname: "/blog", referrer_hostname: "news.ycombinator.com" }, values: { pageviews: 120 } },
    ]);
    expect(result.totals).toEqual({ pageviews: 500 });
    expect(result.range).toMatchObject({ grouping: null, buckets: [] });
    expect(result.comparison).toMatchObject({ rows: [], totals: { pageviews: 500 }, range: { startDate: "2023-04-16" } });
    expect(calls.map((call) => call.params.field_grouping ?? null)).toEqual([["pathname", "referrer_hostname"], null, null]);
  });

  it("makes one call for an ungrouped report, zeros when Fathom has no row", async () => {
    const { source, calls } = fakeSource(() => ({ rows: [] }));
    const result = await runReport({ ...week, grouping: "none" }, { source, now: NOW });
    expect(calls).toHaveLength(1);
    expect(result.rows).toEqual([]);
    expect(result.totals).toEqual({ visits: 0, uniques: 0, bounce_rate: 0 });
  });

  it("does not fill a date-grouped report with a limit (top days, not a timeline)", async () => {
    const { source } = fakeSource((params) =>
      isTotals(params) ? { rows: [{ visits: 9 }] } : { rows: [{ date: "2024-05-12", visits: 6 }, { date: "2024-05-09", visits: 3 }] },
    );
    const result = await runReport({ ...week, metrics: ["visits"], sort: { field: "visits", direction: "desc" }, limit: 2 }, { source, now: NOW });
    expect(result.rows.map((row) => row.date)).toEqual(["2024-05-12", "2024-05-09"]);
  });

  it("orders a filled series by a metric when asked, ties by date", async () => {
    const { source } = fakeSource((params) => (isTotals(params) ? { rows: [{ visits: 9 }] } : { rows: [{ date: "2024-05-12", visits: 6 }, { date: "2024-05-10", visits: 3 }] }));
    const result = await runReport({ ...week, metrics: ["visits"], sort: { field: "visits", direction: "desc" } }, { source, now: NOW });
    expect(result.rows.map((row) => row.date)).toEqual(["2024-05-12", "2024-05-10", "2024-05-09", "2024-05-11", "2024-05-13", "2024-05-14", "2024-05-15"]);
  });

  it("resolves dates in the site's timezone, and in UTC when the site has none", async () => {
    const lateEvening = new Date("2024-05-16T02:00:00Z"); // 22:00 on the 15th in New York
    const ny = fakeSource(() => ({ rows: [] }));
    expect((await runReport({ ...base, range: { preset: "today" }, grouping: "none" }, { source: ny.source, now: lateEvening })).range.startDate).toBe("2024-05-15");
    const utc = fakeSource(() => ({ rows: [] }), { sites: [site({ timezone: null })] });
    const result = await runReport({ ...base, range: { preset: "today" }, grouping: "none" }, { source: utc.source, now: lateEvening });
    expect(result.range).toMatchObject({ startDate: "2024-05-16", timezone: "UTC" });
    expect(utc.calls[0]?.timezone).toBe("UTC");
  });

  it("starts all time on the site's creation date", async () => {
    const { source } = fakeSource(() => ({ rows: [] }));
    const result = await runReport({ ...base, range: { preset: "all_time" } }, { source, now: NOW });
    expect(result.range).toMatchObject({ startDate: "2022-03-01", grouping: "month" });
    expect(result.range.buckets[0]).toBe("2022-03");
  });

  it("lists the milestones inside the range, by date", async () => {
    const milestones = [milestone("Redesign", "2024-05-12"), milestone("Too early", "2024-05-08"), milestone("Launch", "2024-05-09"), milestone("Today", "2024-05-15")];
    const { source } = fakeSource(() => ({ rows: [] }), { milestones });
    const result = await runReport(week, { source, now: NOW });
    expect(result.milestones).toEqual([
      { id: "m-Launch", name: "Launch", date: "2024-05-09" },
      { id: "m-Redesign", name: "Redesign", date: "2024-05-12" },
      { id: "m-Today", name: "Today", date: "2024-05-15" },
    ]);
  });

  it("still answers when the milestones cannot be loaded", async () => {
    vi.spyOn(console, "error").mockImplementation(() => {});
    const { source } = fakeSource(() => ({ rows: [] }), { milestones: new Error("boom") });
    const result = await runReport(week, { source, now: NOW });
    expect(result.milestones).toEqual([]);
  });

  it("says an answer is stale when any part is, cached only when all are, and dates it by the oldest", async () => {
    const { source } = fakeSource((params) =>
      isTotals(params)
        ? { rows: [], meta: { cached: true, stale: true, fetchedAt: "2024-05-15T15:00:00.000Z" } }
        : { rows: [], meta: { cached: true } },
    );
    const result = await runReport(week, { source, now: NOW });
    expect(result.meta).toEqual({ fetchedAt: "2024-05-15T15:00:00.000Z", cached: true, stale: true, upstreamCalls: 0 });
  });

  it("refuses a site the account does not have", async () => {
    const { source, calls } = fakeSource(() => ({ rows: [] }));
    const error = await runReport({ ...base, site: "NOPE" }, { source, now: NOW }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 404, code: "site_not_found" });
    expect(calls).toHaveLength(0);
  });

  it("lets the governor's 429 through, with its retryAfter", async () => {
    const busy = new ApiError(429, "budget_exhausted", "Fathom is busy", { retryAfter: 12 });
    const source: ReportSource = { ...fakeSource(() => ({ rows: [] })).source, aggregate: async () => Promise.reject(busy) };
    await expect(runReport(week, { source, now: NOW })).rejects.toBe(busy);
  });

  it("asks for the event by site and name", async () => {
    const { source, calls } = fakeSource(() => ({ rows: [{ conversions: 4, value: 1250 }] }));
    const result = await runReport({ ...base, entity: "event", event: "Purchase", metrics: ["conversions", "value"], grouping: "none" }, { source, now: NOW });
    expect(calls[0]?.params).toMatchObject({ entity: "event", site_id: "CDBUGS", entity_name: "Purchase" });
    expect(result.totals).toEqual({ conversions: 4, value: 1250 });
  });

  it("answers an event the site does not have from the cached list, spending no aggregation", async () => {
    const { source, calls } = fakeSource(() => ({ rows: [] }));
    const query: ReportQuery = { ...base, entity: "event", event: "Made up", metrics: ["conversions"], grouping: "none" };
    await expect(runReport(query, { source, now: NOW })).rejects.toMatchObject({ status: 404, code: "event_not_found" });
    expect(calls).toHaveLength(0);
  });
});
