/**
 * The bar chart of a field grouping follows the report's sort: ranked by the sort's metric in its
 * direction ("Top 10 by bounce rate", "Bottom 10 by visits"), or by the charted metric, biggest first,
 * when the report is sorted by a field. A rate or an average (bounce rate, time on site) is ranked among
 * the rows with at least a minimum of visits (pageviews, completions…), so a page seen five times with a
 * 100% bounce rate does not top it. The chart's ranking only: the table keeps every row. Pure.
 */
import { type Aggregate, type Entity, type GroupableField, metricInfo, metricLabel } from "@/lib/query/fathom-fields";
import { effectiveSort, type ReportQuery } from "@/lib/query/report-query";
import type { ReportRow } from "@/lib/query/report-result";
import { barDatum, type BarDatum } from "./chart-data";

export type Ranking = { metric: Aggregate; direction: "asc" | "desc" };
/** Rank only the rows with at least `value` of `metric`. */
export type Minimum = { metric: Aggregate; value: number };

/** The minimums the chart offers (0: any). */
export const MINIMUM_CHOICES = [0, 10, 50, 100, 500] as const;

/** Rates and averages: a few rows with tiny samples can top them, unlike counts and money, which add up. */
export function isRateMetric(metric: Aggregate): boolean {
  const { format } = metricInfo(metric);
  return format === "percent" || format === "duration";
}

/** What a minimum is counted in, in the order tried: the first the report has is used. */
const VOLUME_METRICS: Record<Entity, readonly Aggregate[]> = {
  pageview: ["visits", "pageviews", "uniques"],
  event: ["conversions", "unique_conversions"],
};

/** The metric of the report a minimum is counted in (visits first), or null when it has none. */
export function volumeMetric(entity: Entity, metrics: readonly Aggregate[]): Aggregate | null {
  return VOLUME_METRICS[entity].find((metric) => metrics.includes(metric)) ?? null;
}

/** The metric to add to the report for a minimum to be possible ("Visits", "Completions"). */
export function suggestedVolumeMetric(entity: Entity): Aggregate {
  return VOLUME_METRICS[entity][0]!;
}

/**
 * How the chart ranks: by the effective sort's metric and direction when it names one of the report's
 * metrics and the reader has not picked another to draw; else by `metric` (the one drawn), biggest first.
 */
export function fieldChartRanking(query: Pick<ReportQuery, "metrics" | "by" | "grouping" | "sort">, metric: Aggregate, picked: boolean): Ranking {
  const sort = effectiveSort(query);
  const sortMetric = sort && (query.metrics as readonly string[]).includes(sort.field) ? (sort.field as Aggregate) : null;
  if (sortMetric && (!picked || sortMetric === metric)) return { metric: sortMetric, direction: sort!.direction };
  return { metric, direction: "desc" };
}

/**
 * The `count` rows first in the ranking (ties in the report's order), leaving out rows without a figure
 * and, with a minimum, rows below it.
 */
export function rankRows(rows: readonly ReportRow[], by: readonly GroupableField[], ranking: Ranking, minimum: Minimum | null, count = 10): BarDatum[] {
  return rankedRows(rows, ranking, minimum, count).map((row) => barDatum(row, ranking.metric, by));
}

/** The rows `rankRows` draws, in its order (what a click on a bar filters on). */
export function rankedRows(rows: readonly ReportRow[], ranking: Ranking, minimum: Minimum | null, count = 10): ReportRow[] {
  const sign = ranking.direction === "asc" ? 1 : -1;
  const value = (row: ReportRow) => row.values[ranking.metric] ?? 0;
  return rows
    .filter((row) => Number.isFinite(row.values[ranking.metric]))
    .filter((row) => !minimum || (row.values[minimum.metric] ?? 0) >= minimum.value)
    .map((row, index) => ({ row, index }))
    .sort((a, b) => sign * (value(a.row) - value(b.row)) || a.index - b.index)
    .slice(0, count)
    .map(({ row }) => row);
}

/** What a minimum's rows are called: "pages" for a report by page, "rows" otherwise. */
function rowNoun(by: readonly GroupableField[]): string {
  return by.length === 1 && by[0] === "pathname" ? "pages" : "rows";
}

/** What a minimum limits the bars to: "pages with at least 50 visits"; null without one. */
export function minimumScope(minimum: Minimum | null, by: readonly GroupableField[]): string | null {
  if (!minimum || minimum.value <= 0) return null;
  return `${rowNoun(by)} with at least ${minimum.value.toLocaleString("en-US")} ${metricLabel(minimum.metric).toLowerCase()}`;
}

/** The chart's title: "Top 10 by bounce rate, pages with at least 50 visits", "Bottom 5 by visits". */
export function rankingTitle({ shown, ranking, minimum, by }: { shown: number; ranking: Ranking; minimum: Minimum | null; by: readonly GroupableField[] }): string {
  const title = `${ranking.direction === "asc" ? "Bottom" : "Top"} ${shown} by ${metricLabel(ranking.metric).toLowerCase()}`;
  const scope = minimumScope(minimum, by);
  return scope ? `${title}, ${scope}` : title;
}
