/**
 * The dashboard that issue 12 ("a dashboard costs what its distinct questions cost, once") is measured
 * on, defined once for both places that measure it: the governor's dashboard test (against the in-process
 * simulator) and the budget bench's dashboard scenario (e2e/perf/budget-dashboard.ts, over HTTP). Both
 * count its distinct folded questions, so they must ask the same eight. Isomorphic and without
 * `server-only`: the bench runs it under tsx, outside Next. Not for production code.
 */
import { defaultReportQuery, type ReportQuery } from "../query/report-query";

/** One tile of the dashboard: its title (what the bench prints) and its report query. */
export type WeeklyDashboardTile = { title: string; query: ReportQuery };

/**
 * A marketing team's weekly dashboard of 8 tiles: headline figures, visitors and pageviews by day
 * (foldable together, and with the headline figures through their totals), top pages twice (by pageviews
 * with visits, and with the bounce rate: foldable together), sources, countries, and a goal (an event
 * report) when the site has an event, else last month by day.
 */
export function weeklyDashboardTiles(site: string, eventName: string | undefined): WeeklyDashboardTile[] {
  const base = defaultReportQuery(site);
  const top = (by: ReportQuery["by"][number], metrics: ReportQuery["metrics"]): ReportQuery => ({
    ...base,
    metrics,
    grouping: "none",
    by: [by],
    sort: { field: "pageviews", direction: "desc" },
    limit: 10,
  });
  return [
    { title: "Headline figures", query: { ...base, grouping: "none" } },
    { title: "Visitors by day", query: { ...base, metrics: ["visits", "uniques"], grouping: "day" } },
    { title: "Pageviews by day", query: { ...base, metrics: ["pageviews", "bounce_rate"], grouping: "day" } },
    { title: "Top pages", query: top("pathname", ["pageviews", "visits"]) },
    { title: "Top pages, bounce rate", query: top("pathname", ["pageviews", "bounce_rate"]) },
    { title: "Sources", query: top("referrer_source", ["pageviews", "visits"]) },
    { title: "Countries", query: top("country_code", ["pageviews", "uniques"]) },
    eventName
      ? { title: `Goal: ${eventName}`, query: { ...base, entity: "event", event: eventName, metrics: ["conversions", "value"], grouping: "day" } }
      : { title: "Last month by day", query: { ...base, range: { preset: "last_month" }, grouping: "day" } },
  ];
}
