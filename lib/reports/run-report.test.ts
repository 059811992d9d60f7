import { describe, expect, it, vi } from "vitest";
import { ApiError } from "@/lib/api/errors";
import type { AggregationParams } from "@/lib/query/aggregation-params";
import type { Aggregate } from "@/lib/query/fathom-fields";
import { defaultReportQuery, type ReportQuery } from "@/lib/query/report-query";
import { reportResultSchema } from "@/lib/query/report-result";
import type { ProviderEvent, ProviderMeta, ProviderMilestone, ProviderRow, ProviderSite, ReportProvider } from "./provider";
import { runReport } from "./run-report";

// Wednesday 15 May 2024, 12:00 in New York.
const NOW = new Date("2024-05-15T16:00:00Z");

const site = (patch: Partial<ProviderSite> = {}): ProviderSite => ({
  id: "CDBUGS",
  name: "Bugs Bunny Portfolio",
  createdAt: "2022-03-01 10:00:00",
  timezone: "America/New_York",
  ...patch,
});

const milestone = (name: string, date: string): ProviderMilestone => ({ id: `m-${name}`, name, date });

const meta = (patch: Partial<ProviderMeta> = {}): ProviderMeta => ({
  fetchedAt: "2024-05-15T15:59:00.000Z",
  cached: false,
  stale: false,
  shared: false,
  ...patch,
});

/** A provider row: `values` are the metrics; `date` and `fields` as given. */
const row = (values: Partial<Record<Aggregate, number>>, extra: Pick<ProviderRow, "date"> & Partial<Pick<ProviderRow, "fields">> = {}): ProviderRow => ({
  fields: {},
  ...extra,
  values,
});
const on = (date: string, values: Partial<Record<Aggregate, number>>) => row(values, { date });

type Answer = { rows: ProviderRow[]; meta?: Partial<ProviderMeta> };
type FakeOptions = { sites?: ProviderSite[]; events?: ProviderEvent[]; milestones?: ProviderMilestone[] | Error };

/** A fake provider: answers aggregations with `answer(params)`, records every call. */
function fakeProvider(answer: (params: AggregationParams) => Answer, options: FakeOptions = {}) {
  const calls: Array<{ params: AggregationParams; timezone: string; priority: string }> = [];
  const provider: ReportProvider = {
    aggregate: vi.fn(async (params: AggregationParams, { timezone, priority }) => {
      calls.push({ params, timezone, priority });
      const { rows, meta: patch } = answer(params);
      return { data: rows, meta: meta(patch) };
    }),
    listSites: async () => ({ data: options.sites ?? [site()], meta: meta({ cached: true }) }),
    listEvents: async () => ({ data: options.events ?? [{ id: "PURCHASE", name: "Purchase", currency: null }], meta: meta({ cached: true }) }),
    listMilestones: async () => {
      if (options.milestones instanceof Error) throw options.milestones;
      return { data: options.milestones ?? [], meta: meta({ cached: true }) };
    },
  };
  return { provider, calls };
}

const isTotals = (params: AggregationParams) => !params.date_grouping && !params.field_grouping;
const base = defaultReportQuery("CDBUGS");
const week: ReportQuery = { ...base, range: { preset: "last_7_days" }, metrics: ["visits", "uniques", "bounce_rate"] };

describe("runReport", () => {
  it("fills the days Fathom left out with zeros and takes the totals from the ungrouped answer", async () => {
    const { provider, calls } = fakeProvider((params) =>
      isTotals(params)
        ? { rows: [row({ visits: 40, uniques: 31, bounce_rate: 0.5 })] }
        : {
            rows: [
              on("2024-05-09", { visits: 10, uniques: 9, bounce_rate: 0.4 }),
              on("2024-05-12", { visits: 20, uniques: 18, bounce_rate: 0.6 }),
              on("2024-05-15", { visits: 15, uniques: 15, bounce_rate: 0.5 }),
            ],
          },
    );
    const result = await runReport(week, { provider, now: NOW });
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
    const { provider } = fakeProvider(() => ({ rows: [on("2024-05-10", { visits: 1, uniques: 1, bounce_rate: 1 })] }));
    const result = await runReport({ ...week, compare: "previous_year" }, { provider, now: NOW });
    expect(reportResultSchema.parse(JSON.parse(JSON.stringify(result)))).toEqual(result);
  });

  it("stops an hourly series at the current hour in the site's timezone, keeping the whole day on the axis", async () => {
    const { provider } = fakeProvider((params) => (isTotals(params) ? { rows: [row({ visits: 3 })] } : { rows: [on("2024-05-15 09:00:00", { visits: 3 })] }));
    const result = await runReport({ ...base, range: { preset: "today" }, metrics: ["visits"] }, { provider, now: NOW });
    expect(result.range.grouping).toBe("hour");
    expect(result.range.buckets).toHaveLength(24);
    // 16:00 UTC is 12:00 in New York: buckets 00:00..12:00.
    expect(result.rows.map((row) => row.date)).toEqual(result.range.buckets.slice(0, 13));
    expect(result.rows[9]).toMatchObject({ date: "2024-05-15 09:00:00", values: { visits: 3 } });
  });

  it("adds the comparison's weekday-aligned series and totals", async () => {
    const { provider, calls } = fakeProvider((params) => {
      const previous = params.date_from === "2024-05-02 00:00:00";
      if (isTotals(params)) return { rows: [row({ visits: previous ? 70 : 35, uniques: 1, bounce_rate: 0.1 })] };
      return { rows: previous ? [on("2024-05-03", { visits: 70, uniques: 1, bounce_rate: 0.1 })] : [] };
    });
    const result = await runReport({ ...week, compare: "previous_period" }, { provider, now: NOW });
    expect(calls).toHaveLength(4);
    expect(result.comparison?.range).toMatchObject({ startDate: "2024-05-02", endDate: "2024-05-08", grouping: "day" });
    expect(result.comparison?.rows).toHaveLength(7);
    expect(result.comparison?.rows[1]).toMatchObject({ date: "2024-05-03", values: { visits: 70 } });
    expect(result.comparison?.totals.visits).toBe(70);
    expect(result.totals.visits).toBe(35);
    expect(result.rows.every((row) => row.values.visits === 0)).toBe(true);
  });

  it("keeps field-grouped rows in Fathom's order with null for missing values; the comparison has the same rows, for a change per row", async () => {
    const { provider, calls } = fakeProvider((params) =>
      isTotals(params)
        ? { rows: [row({ pageviews: 500 })] }
        : {
            rows: [
              row({ pageviews: 300 }, { fields: { pathname: "/", referrer_hostname: null } }),
              row({ pageviews: 120 }, { fields: { pathname: "/blog", referrer_hostname: "news.ycombinator.com" } }),
            ],
          },
    );
    const query: ReportQuery = { ...base, grouping: "none", by: ["pathname", "referrer_hostname"], metrics: ["pageviews"], limit: 10, compare: "previous_year" };
    const result = await runReport(query, { provider, now: NOW });
    expect(result.rows).toEqual([
      { fields: { pathname: "/", referrer_hostname: null }, values: { pageviews: 300 } },
      { fields: { pathname: "/blog", referrer_hostname: "news.ycombinator.com" }, values: { pageviews: 120 } },
    ]);
    expect(result.totals).toEqual({ pageviews: 500 });
    expect(result.range).toMatchObject({ grouping: null, buckets: [] });
    expect(result.comparison).toMatchObject({ rows: result.rows, totals: { pageviews: 500 }, range: { startDate: "2023-04-16" } });
    expect(calls.map((call) => [call.params.date_from?.slice(0, 4), call.params.field_grouping ?? null])).toEqual([
      ["2024", ["pathname", "referrer_hostname"]],
      ["2024", null],
      ["2023", ["pathname", "referrer_hostname"]],
      ["2023", null],
    ]);
  });

  it("makes one call for an ungrouped report, zeros when Fathom has no row", async () => {
    const { provider, calls } = fakeProvider(() => ({ rows: [] }));
    const result = await runReport({ ...week, grouping: "none" }, { provider, now: NOW });
    expect(calls).toHaveLength(1);
    expect(result.rows).toEqual([]);
    expect(result.totals).toEqual({ visits: 0, uniques: 0, bounce_rate: 0 });
  });

  it("does not fill a date-grouped report with a limit (top days, not a timeline)", async () => {
    const { provider } = fakeProvider((params) =>
      isTotals(params) ? { rows: [row({ visits: 9 })] } : { rows: [on("2024-05-12", { visits: 6 }), on("2024-05-09", { visits: 3 })] },
    );
    const result = await runReport({ ...week, metrics: ["visits"], sort: { field: "visits", direction: "desc" }, limit: 2 }, { provider, now: NOW });
    expect(result.rows.map((row) => row.date)).toEqual(["2024-05-12", "2024-05-09"]);
  });

  it("orders a filled series by a metric when asked, ties by date", async () => {
    const { provider } = fakeProvider((params) => (isTotals(params) ? { rows: [row({ visits: 9 })] } : { rows: [on("2024-05-12", { visits: 6 }), on("2024-05-10", { visits: 3 })] }));
    const result = await runReport({ ...week, metrics: ["visits"], sort: { field: "visits", direction: "desc" } }, { provider, now: NOW });
    expect(result.rows.map((row) => row.date)).toEqual(["2024-05-12", "2024-05-10", "2024-05-09", "2024-05-11", "2024-05-13", "2024-05-14", "2024-05-15"]);
  });

  it("resolves dates in the site's timezone, and in UTC when the site has none", async () => {
    const lateEvening = new Date("2024-05-16T02:00:00Z"); // 22:00 on the 15th in New York
    const ny = fakeProvider(() => ({ rows: [] }));
    expect((await runReport({ ...base, range: { preset: "today" }, grouping: "none" }, { provider: ny.provider, now: lateEvening })).range.startDate).toBe("2024-05-15");
    const utc = fakeProvider(() => ({ rows: [] }), { sites: [site({ timezone: null })] });
    const result = await runReport({ ...base, range: { preset: "today" }, grouping: "none" }, { provider: utc.provider, now: lateEvening });
    expect(result.range).toMatchObject({ startDate: "2024-05-16", timezone: "UTC" });
    expect(utc.calls[0]?.timezone).toBe("UTC");
  });

  it("starts all time on the site's creation date", async () => {
    const { provider } = fakeProvider(() => ({ rows: [] }));
    const result = await runReport({ ...base, range: { preset: "all_time" } }, { provider, now: NOW });
    expect(result.range).toMatchObject({ startDate: "2022-03-01", grouping: "month" });
    expect(result.range.buckets[0]).toBe("2022-03");
  });

  it("lists the milestones inside the range, by date", async () => {
    const milestones = [milestone("Redesign", "2024-05-12"), milestone("Too early", "2024-05-08"), milestone("Launch", "2024-05-09"), milestone("Today", "2024-05-15")];
    const { provider } = fakeProvider(() => ({ rows: [] }), { milestones });
    const result = await runReport(week, { provider, now: NOW });
    expect(result.milestones).toEqual([
      { id: "m-Launch", name: "Launch", date: "2024-05-09" },
      { id: "m-Redesign", name: "Redesign", date: "2024-05-12" },
      { id: "m-Today", name: "Today", date: "2024-05-15" },
    ]);
  });

  it("still answers when the milestones cannot be loaded", async () => {
    vi.spyOn(console, "error").mockImplementation(() => {});
    const { provider } = fakeProvider(() => ({ rows: [] }), { milestones: new Error("boom") });
    const result = await runReport(week, { provider, now: NOW });
    expect(result.milestones).toEqual([]);
  });

  it("says an answer is stale when any part is, cached only when all are, and dates it by the oldest", async () => {
    const { provider } = fakeProvider((params) =>
      isTotals(params)
        ? { rows: [], meta: { cached: true, stale: true, fetchedAt: "2024-05-15T15:00:00.000Z" } }
        : { rows: [], meta: { cached: true } },
    );
    const result = await runReport(week, { provider, now: NOW });
    expect(result.meta).toEqual({ fetchedAt: "2024-05-15T15:00:00.000Z", cached: true, stale: true, upstreamCalls: 0 });
  });

  it("dates the figures by their own answers and the comparison by its own, however old the comparison is", async () => {
    const { provider } = fakeProvider((params) =>
      (params.date_from ?? "").startsWith("2024-05-09") ? { rows: [] } : { rows: [], meta: { cached: true, fetchedAt: "2024-05-12T09:00:00.000Z" } },
    );
    const result = await runReport({ ...week, compare: "previous_period" }, { provider, now: NOW });
    expect(result.meta.fetchedAt).toBe("2024-05-15T15:59:00.000Z");
    expect(result.meta.comparisonFetchedAt).toBe("2024-05-12T09:00:00.000Z");
  });

  it("leaves the years before the first visit off an all-time report", async () => {
    const { provider } = fakeProvider((params) =>
      isTotals(params) ? { rows: [row({ visits: 30 })] } : { rows: [row({ visits: 10 }, { date: "2023-05" }), row({ visits: 20 }, { date: "2024-02" })] },
    );
    const result = await runReport({ ...base, range: { preset: "all_time" }, metrics: ["visits"], grouping: "month" }, { provider, now: NOW });
    // The site was made in March 2022; its first visit came in May 2023.
    expect(result.range.startDate).toBe("2022-03-01");
    expect(result.range.buckets[0]).toBe("2023-05");
    expect(result.rows[0]).toMatchObject({ date: "2023-05", values: { visits: 10 } });
    expect(result.rows.at(-1)?.date).toBe("2024-05");
  });

  it("refuses a site the account does not have", async () => {
    const { provider, calls } = fakeProvider(() => ({ rows: [] }));
    const error = await runReport({ ...base, site: "NOPE" }, { provider, now: NOW }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 404, code: "site_not_found" });
    expect(calls).toHaveLength(0);
  });

  it("lets the governor's 429 through, with its retryAfter", async () => {
    const busy = new ApiError(429, "budget_exhausted", "Fathom is busy", { retryAfter: 12 });
    const provider: ReportProvider = { ...fakeProvider(() => ({ rows: [] })).provider, aggregate: async () => Promise.reject(busy) };
    await expect(runReport(week, { provider, now: NOW })).rejects.toBe(busy);
  });

  it("asks for the event by site and name", async () => {
    const { provider, calls } = fakeProvider(() => ({ rows: [row({ conversions: 4, value: 1250 })] }));
    const result = await runReport({ ...base, entity: "event", event: "Purchase", metrics: ["conversions", "value"], grouping: "none" }, { provider, now: NOW });
    expect(calls[0]?.params).toMatchObject({ entity: "event", site_id: "CDBUGS", entity_name: "Purchase" });
    expect(result.totals).toEqual({ conversions: 4, value: 1250 });
  });

  it("asks an event report's site visits over the same dates and filters, for its computed rates, and its comparison's", async () => {
    const { provider, calls } = fakeProvider((params) =>
      params.entity === "pageview"
        ? { rows: [row({ visits: (params.date_from ?? "").startsWith("2024") ? 800 : 400 })] }
        : { rows: [row({ conversions: 4, unique_conversions: 3, value: 1250 })] },
    );
    const filters: ReportQuery["filters"] = [{ property: "utm_campaign", operator: "is", value: "spring" }];
    const query: ReportQuery = { ...base, entity: "event", event: "Purchase", metrics: ["unique_conversions", "value"], grouping: "none", filters, compare: "previous_year" };
    const result = await runReport(query, { provider, now: NOW });
    const visits = calls.filter((call) => call.params.entity === "pageview").map((call) => call.params);
    expect(visits).toEqual([
      { entity: "pageview", entity_id: "CDBUGS", aggregates: ["visits"], date_from: "2024-04-16 00:00:00", date_to: "2024-05-15 23:59:59", filters },
      { entity: "pageview", entity_id: "CDBUGS", aggregates: ["visits"], date_from: "2023-04-16 00:00:00", date_to: "2023-05-15 23:59:59", filters },
    ]);
    expect(result.siteVisits).toBe(800);
    expect(result.comparison?.siteVisits).toBe(400);
  });

  it("answers an event report without its computed rates when the site visits cannot be had, and asks none for a pageview report", async () => {
    vi.spyOn(console, "error").mockImplementation(() => {});
    const busy = new ApiError(429, "budget_exhausted", "Fathom is busy", { retryAfter: 12 });
    const { provider } = fakeProvider(() => ({ rows: [row({ conversions: 4, unique_conversions: 3, value: 1250 })] }));
    const aggregate = provider.aggregate;
    provider.aggregate = (params, options) => (params.entity === "pageview" ? Promise.reject(busy) : aggregate(params, options));
    const result = await runReport({ ...base, entity: "event", event: "Purchase", metrics: ["unique_conversions"], grouping: "none" }, { provider, now: NOW });
    expect(result.totals).toEqual({ unique_conversions: 3 });
    expect(result.siteVisits).toBeUndefined();

    const { provider: pageviews, calls } = fakeProvider(() => ({ rows: [] }));
    await runReport({ ...base, grouping: "none" }, { provider: pageviews, now: NOW });
    expect(calls).toHaveLength(1);
  });

  it("counts the event list among the report's upstream calls when reading it cost one", async () => {
    const { provider } = fakeProvider(() => ({ rows: [row({ conversions: 4 })] }));
    const query: ReportQuery = { ...base, entity: "event", event: "Purchase", metrics: ["conversions"], grouping: "none" };
    expect((await runReport(query, { provider, now: NOW })).meta.upstreamCalls).toBe(1);
    provider.listEvents = async () => ({ data: [{ id: "PURCHASE", name: "Purchase", currency: null }], meta: meta({ cached: false }) });
    expect((await runReport(query, { provider, now: NOW })).meta.upstreamCalls).toBe(2);
  });

  it("answers an event the site does not have from the cached list, spending no aggregation", async () => {
    const { provider, calls } = fakeProvider(() => ({ rows: [] }));
    const query: ReportQuery = { ...base, entity: "event", event: "Made up", metrics: ["conversions"], grouping: "none" };
    await expect(runReport(query, { provider, now: NOW })).rejects.toMatchObject({ status: 404, code: "event_not_found" });
    expect(calls).toHaveLength(0);
  });

  it("carries the currency of the event the report is about", async () => {
    const events: ProviderEvent[] = [
      { id: "SIGNUP", name: "Sign-up", currency: "dollar" },
      { id: "PURCHASE", name: "Purchase", currency: "euro" },
    ];
    const { provider } = fakeProvider(() => ({ rows: [row({ value: 1250 })] }), { events });
    const result = await runReport({ ...base, entity: "event", event: "Purchase", metrics: ["value"], grouping: "none" }, { provider, now: NOW });
    expect(result.currency).toBe("euro");
    expect(reportResultSchema.parse(JSON.parse(JSON.stringify(result))).currency).toBe("euro");
  });

  it("carries no currency for an event whose currency is unknown, nor for a pageview report", async () => {
    const events: ProviderEvent[] = [{ id: "PURCHASE", name: "Purchase", currency: null }, { id: "OTHER", name: "Other", currency: "euro" }];
    const { provider } = fakeProvider(() => ({ rows: [] }), { events });
    const event = await runReport({ ...base, entity: "event", event: "Purchase", metrics: ["value"], grouping: "none" }, { provider, now: NOW });
    expect(event.currency).toBeNull();
    const pageviews = await runReport(week, { provider, now: NOW });
    expect(pageviews.currency).toBeNull();
  });
});
