/** Report answers for the component tests: a daily series, a field grouping, and their comparison. */
import { defaultReportQuery, type ReportQuery } from "@/lib/query/report-query";
import type { ReportRange, ReportResult, ReportRow } from "@/lib/query/report-result";

export function dayRange(start: string, days: number, timezone = "Europe/Berlin"): ReportRange {
  const buckets = Array.from({ length: days }, (_, index) => new Date(Date.parse(`${start}T00:00:00Z`) + index * 86_400_000).toISOString().slice(0, 10));
  return {
    from: `${buckets[0]} 00:00:00`,
    to: `${buckets.at(-1)} 23:59:59`,
    startDate: buckets[0]!,
    endDate: buckets.at(-1)!,
    days,
    timezone,
    grouping: "day",
    buckets,
  };
}

const META = { fetchedAt: "2024-05-15T10:00:00.000Z", cached: false, stale: false, upstreamCalls: 3 };

/** Visits and bounce rate by day over 1–14 May 2024, compared with the previous period. */
export function dailyResult(overrides: Partial<ReportResult> = {}, query: Partial<ReportQuery> = {}): ReportResult {
  const range = dayRange("2024-05-01", 14);
  const previous = dayRange("2024-04-17", 14);
  const fullQuery: ReportQuery = { ...defaultReportQuery("CDBUGS"), metrics: ["visits", "bounce_rate"], grouping: "day", compare: "previous_period", ...query };
  const row = (date: string, index: number): ReportRow => ({ date, fields: {}, values: { visits: 100 + index * 10, bounce_rate: 0.5 } });
  return {
    query: fullQuery,
    range,
    rows: range.buckets.map(row),
    totals: { visits: 2500, bounce_rate: 0.4 },
    comparison: { range: previous, rows: previous.buckets.map(row), totals: { visits: 2000, bounce_rate: 0.5 } },
    currency: null,
    milestones: [{ id: "m1", name: "Spring launch", date: "2024-05-06" }],
    meta: META,
    ...overrides,
  };
}

/** Pageviews by page, no date grouping, no comparison. */
export function pagesResult(rows: Array<[string | null, number]>, total: number): ReportResult {
  const range: ReportRange = { ...dayRange("2024-05-01", 14), grouping: null, buckets: [] };
  return {
    query: { ...defaultReportQuery("CDBUGS"), metrics: ["pageviews"], by: ["pathname"], grouping: "none" },
    range,
    rows: rows.map(([pathname, pageviews]) => ({ fields: { pathname }, values: { pageviews } })),
    totals: { pageviews: total },
    currency: null,
    milestones: [],
    meta: META,
  };
}
