/**
 * A report's answer shaped for the charts: a time series over every bucket of the range with the
 * comparison period aligned by position, milestones placed on their bucket, and the rows of a field
 * grouping as labelled bars (the top five series of a report grouped by date and a field: multi-series.ts;
 * a bar chart that follows the report's sort: field-ranking.ts). Pure.
 */
import type { Aggregate, DateGrouping, GroupableField } from "@/lib/query/fathom-fields";
import { formatBucket } from "@/lib/format/format-date";
import type { ChartKind } from "@/lib/query/report-query";
import type { ReportMilestone, ReportRange, ReportRow } from "@/lib/query/report-result";
import { fieldValueLabel, fieldValueText } from "@/lib/format/field-values";

export type TimePoint = {
  bucket: string;
  /** Undefined for buckets with no figure (still in the future, or left out of a limited report). */
  value?: number;
  /** The comparison period's bucket at the same position, and its figure. */
  previousBucket?: string;
  previous?: number;
  /** A second metric's figure for the bucket, drawn on its own right-hand axis (second-metric.ts). */
  second?: number;
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

/**
 * A row's grouped values as one label, as the chart draws it (`/pricing · 🇩🇪 Germany`), or with
 * `flags: false` as a summary says it (`/pricing · Germany`). Empty values are named (field-values.ts).
 */
export function rowLabel(row: ReportRow, by: readonly GroupableField[], { flags = true }: { flags?: boolean } = {}): string {
  return by.map((field) => fieldValueText(field, row.fields[field], { flag: flags })).join(" · ");
}

export type BarDatum = {
  /** What the bar is labelled with, flags included. */
  label: string;
  value: number;
  /** The label without flags, for the chart's summary, when it differs from `label`. */
  spoken?: string;
  /** The raw values shown under another name (a country's code), for the tooltip. */
  raw?: string;
};

/** One row as a bar of `metric`. */
export function barDatum(row: ReportRow, metric: Aggregate, by: readonly GroupableField[]): BarDatum {
  const label = rowLabel(row, by);
  const spoken = rowLabel(row, by, { flags: false });
  const raw = by
    .map((field) => fieldValueLabel(field, row.fields[field]).raw)
    .filter((code): code is string => code !== undefined)
    .join(" · ");
  return { label, value: row.values[metric] ?? 0, ...(spoken !== label ? { spoken } : {}), ...(raw ? { raw } : {}) };
}

/** The rows with the most of `metric`, biggest first (a chart that follows the report's sort: field-ranking.ts). */
export function topRows(rows: readonly ReportRow[], metric: Aggregate, by: readonly GroupableField[], count = 10): BarDatum[] {
  return rows
    .map((row) => barDatum(row, metric, by))
    .sort((a, b) => b.value - a.value)
    .slice(0, count);
}
