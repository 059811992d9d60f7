/**
 * A report's answer shaped for the charts: a time series over every bucket of the range with the
 * comparison period aligned by position, milestones placed on their bucket, the top rows of a field
 * grouping, and the top five series (plus "Other") of a report grouped by date and a field. Pure.
 */
import { type Aggregate, type DateGrouping, type GroupableField, metricInfo } from "@/lib/query/fathom-fields";
import { formatBucket } from "@/lib/format/format-date";
import type { ChartKind } from "@/lib/query/report-query";
import type { ReportMilestone, ReportRange, ReportRow } from "@/lib/query/report-result";
import { NONE_LABEL } from "./report-table-model";

export type TimePoint = {
  bucket: string;
  /** Undefined for buckets with no figure (still in the future, or left out of a limited report). */
  value?: number;
  /** The comparison period's bucket at the same position, and its figure. */
  previousBucket?: string;
  previous?: number;
};

/** Charts draw bars for a handful of buckets, lines beyond. */
export const FEW_BUCKETS = 12;

export type DrawnKind = "line" | "area" | "bar";

/** The chart the query asks for; null for "table only". */
export function drawnKind(kind: ChartKind, buckets: number): DrawnKind | null {
  if (kind === "table") return null;
  if (kind === "auto") return buckets <= FEW_BUCKETS ? "bar" : "line";
  return kind;
}

function byDate(rows: readonly ReportRow[]): Map<string, ReportRow> {
  const map = new Map<string, ReportRow>();
  for (const row of rows) if (row.date !== undefined && !map.has(row.date)) map.set(row.date, row);
  return map;
}

/** The last bucket that has a row: later buckets have not happened yet. */
function lastDated(rows: readonly ReportRow[]): string | undefined {
  return rows.reduce<string | undefined>((last, row) => (row.date !== undefined && (last === undefined || row.date > last) ? row.date : last), undefined);
}

/**
 * One point per bucket of the range. A bucket the answer left out before its last row is a gap and
 * reads zero (Fathom omits empty buckets); after it, the bucket is still to come and is left blank. With
 * `gapsAreZero` false (a limited report: top buckets, not a timeline) every missing bucket stays blank.
 */
export function timeSeriesPoints(
  metric: Aggregate,
  main: { range: ReportRange; rows: readonly ReportRow[] },
  comparison?: { range: ReportRange; rows: readonly ReportRow[] },
  gapsAreZero = true,
): TimePoint[] {
  const rows = byDate(main.rows);
  const last = lastDated(main.rows);
  const previousRows = comparison ? byDate(comparison.rows) : null;
  const previousLast = comparison ? lastDated(comparison.rows) : undefined;
  return main.range.buckets.map((bucket, index) => {
    const point: TimePoint = { bucket };
    const row = rows.get(bucket);
    if (row) point.value = row.values[metric] ?? 0;
    else if (gapsAreZero && last !== undefined && bucket < last) point.value = 0;
    if (comparison && previousRows) {
      const previousBucket = comparison.range.buckets[index];
      if (previousBucket !== undefined) {
        point.previousBucket = previousBucket;
        const previous = previousRows.get(previousBucket);
        if (previous) point.previous = previous.values[metric] ?? 0;
        else if (previousLast !== undefined && previousBucket < previousLast) point.previous = 0;
      }
    }
    return point;
  });
}

/** The bucket a calendar day (`YYYY-MM-DD`) falls in. */
export function bucketOfDay(date: string, grouping: DateGrouping): string {
  switch (grouping) {
    case "hour":
      return `${date} 00:00:00`;
    case "day":
      return date;
    case "month":
      return date.slice(0, 7);
    case "year":
      return date.slice(0, 4);
  }
}

/** A bucket in full, as tooltips, summaries and lists write it: `Wed, May 1, 2024`, `January 2024`. */
export function bucketLabel(bucket: string, grouping: DateGrouping): string {
  return formatBucket(bucket, grouping, "full");
}

/** The calendar day a bucket starts on (what "Add milestone here" fills in). */
export function dayOfBucket(bucket: string): string {
  if (/^\d{4}$/.test(bucket)) return `${bucket}-01-01`;
  if (/^\d{4}-\d{2}$/.test(bucket)) return `${bucket}-01`;
  return bucket.slice(0, 10);
}

export type MilestoneMarker = { bucket: string; names: string[]; ids: string[] };

/** Milestones placed on their buckets (several on one bucket share a marker); those off the axis are dropped. */
export function milestoneMarkers(milestones: readonly ReportMilestone[], grouping: DateGrouping, buckets: readonly string[]): MilestoneMarker[] {
  const onAxis = new Set(buckets);
  const markers = new Map<string, MilestoneMarker>();
  for (const milestone of milestones) {
    const bucket = bucketOfDay(milestone.date, grouping);
    if (!onAxis.has(bucket)) continue;
    const marker = markers.get(bucket) ?? { bucket, names: [], ids: [] };
    marker.names.push(milestone.name);
    marker.ids.push(milestone.id);
    markers.set(bucket, marker);
  }
  return [...markers.values()].sort((a, b) => a.bucket.localeCompare(b.bucket));
}

/** A row's grouped values as one label: `/pricing · Chrome`. */
export function rowLabel(row: ReportRow, by: readonly GroupableField[]): string {
  return by.map((field) => row.fields[field] ?? NONE_LABEL).join(" · ");
}

export type BarDatum = { label: string; value: number };

/** The rows with the most of `metric`, biggest first. */
export function topRows(rows: readonly ReportRow[], metric: Aggregate, by: readonly GroupableField[], count = 10): BarDatum[] {
  return rows
    .map((row) => ({ label: rowLabel(row, by), value: row.values[metric] ?? 0 }))
    .sort((a, b) => b.value - a.value)
    .slice(0, count);
}

/** Whether per-group figures of a metric add up to a meaningful "Other" (counts and money do, ratios don't). */
export function sumsAcrossGroups(metric: Aggregate): boolean {
  return ["count", "money"].includes(metricInfo(metric).format);
}

export type Series = { key: string; name: string };
export type MultiSeries = { series: Series[]; points: Array<Record<string, string | number | undefined>> };
export const OTHER_KEY = "other";
export const OTHER_LABEL = "Other";

/**
 * The top `count` groups by their sum of `metric` over the range, each a series over every bucket up
 * to `lastBucket` (zeros in the gaps), plus "Other" for the remaining groups when the metric adds up.
 */
export function multiSeries(
  rows: readonly ReportRow[],
  metric: Aggregate,
  by: readonly GroupableField[],
  buckets: readonly string[],
  lastBucket: string | undefined,
  count = 5,
): MultiSeries {
  const groups = new Map<string, { sum: number; byBucket: Map<string, number> }>();
  for (const row of rows) {
    if (row.date === undefined) continue;
    const label = rowLabel(row, by);
    const group = groups.get(label) ?? { sum: 0, byBucket: new Map<string, number>() };
    const value = row.values[metric] ?? 0;
    group.sum += value;
    group.byBucket.set(row.date, (group.byBucket.get(row.date) ?? 0) + value);
    groups.set(label, group);
  }
  const ranked = [...groups.entries()].sort((a, b) => b[1].sum - a[1].sum || a[0].localeCompare(b[0]));
  const top = ranked.slice(0, count);
  const rest = sumsAcrossGroups(metric) ? ranked.slice(count) : [];
  const series: Series[] = top.map(([name], index) => ({ key: `s${index}`, name }));
  if (rest.length > 0) series.push({ key: OTHER_KEY, name: OTHER_LABEL });

  const points = buckets.map((bucket) => {
    const point: Record<string, string | number | undefined> = { bucket };
    const filled = lastBucket === undefined || bucket <= lastBucket;
    top.forEach(([, group], index) => {
      point[`s${index}`] = group.byBucket.get(bucket) ?? (filled ? 0 : undefined);
    });
    if (rest.length > 0) {
      const values = rest.map(([, group]) => group.byBucket.get(bucket));
      const known = values.filter((value): value is number => value !== undefined);
      point[OTHER_KEY] = known.length > 0 ? known.reduce((sum, value) => sum + value, 0) : filled ? 0 : undefined;
    }
    return point;
  });
  return { series, points };
}
