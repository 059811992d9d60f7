/**
 * From a provider's answer rows to the report's: the metrics and fields asked for (zeros and nulls where
 * the provider left them out), date buckets in canonical form, empty buckets filled with zeros, and totals
 * taken from one row (never summed from buckets: uniques and visits do not add up). Pure.
 */
import type { Aggregate, DateGrouping, GroupableField } from "@/lib/query/fathom-fields";
import type { ReportRow, ReportTotals } from "@/lib/query/report-result";
import type { ReportSort } from "@/lib/query/report-query";
import { bucketKey } from "@/lib/query/resolve-range";
import type { ProviderRow } from "./provider";

export type RowShape = {
  metrics: readonly Aggregate[];
  by: readonly GroupableField[];
  grouping: DateGrouping | null;
};

function valuesOf(row: ProviderRow | undefined, metrics: readonly Aggregate[]): ReportTotals {
  return Object.fromEntries(metrics.map((metric) => [metric, row?.values[metric] ?? 0]));
}

/** One provider row as a report row; null when its date bucket cannot be read. */
export function toReportRow(row: ProviderRow, shape: RowShape): ReportRow | null {
  const result: ReportRow = {
    fields: Object.fromEntries(shape.by.map((field) => [field, row.fields[field] ?? null])),
    values: valuesOf(row, shape.metrics),
  };
  if (shape.grouping) {
    const date = row.date === undefined ? null : bucketKey(row.date, shape.grouping);
    if (date === null) return null;
    result.date = date;
  }
  return result;
}

export function toReportRows(rows: ProviderRow[], shape: RowShape): ReportRow[] {
  return rows.map((row) => toReportRow(row, shape)).filter((row): row is ReportRow => row !== null);
}

/** A zero row for an empty bucket. */
export function zeroRow(date: string, metrics: readonly Aggregate[]): ReportRow {
  return { date, fields: {}, values: valuesOf(undefined, metrics) };
}

/**
 * Every bucket of the range, in time order, with the upstream row where there is one and zeros where
 * the provider left the bucket out. Rows outside the buckets are dropped; a bucket seen twice keeps its first row.
 */
export function fillDateGaps(rows: ReportRow[], buckets: readonly string[], metrics: readonly Aggregate[]): ReportRow[] {
  const byDate = new Map<string, ReportRow>();
  for (const row of rows) if (row.date !== undefined && !byDate.has(row.date)) byDate.set(row.date, row);
  return buckets.map((bucket) => byDate.get(bucket) ?? zeroRow(bucket, metrics));
}

/** Orders a filled series as the query asked: by date (default, ascending) or by a metric, ties by date. */
export function sortSeries(rows: ReportRow[], sort: ReportSort | undefined): ReportRow[] {
  const byDate = (a: ReportRow, b: ReportRow) => (a.date ?? "").localeCompare(b.date ?? "");
  if (!sort || sort.field === "timestamp") {
    const sorted = [...rows].sort(byDate);
    return sort?.direction === "desc" ? sorted.reverse() : sorted;
  }
  const field = sort.field as Aggregate;
  const sign = sort.direction === "asc" ? 1 : -1;
  return [...rows].sort((a, b) => sign * ((a.values[field] ?? 0) - (b.values[field] ?? 0)) || byDate(a, b));
}

/** The totals of additive metrics over every bucket of a series: the sum of its rows. */
export function summedTotals(rows: ProviderRow[], metrics: readonly Aggregate[]): ReportTotals {
  const totals = valuesOf(undefined, metrics);
  for (const row of rows) {
    const values = valuesOf(row, metrics);
    for (const metric of metrics) totals[metric] = (totals[metric] ?? 0) + (values[metric] ?? 0);
  }
  return totals;
}

/** The totals of an ungrouped answer (its one row), zeros when the provider returned no row at all. */
export function totalsFrom(rows: ProviderRow[], metrics: readonly Aggregate[]): ReportTotals {
  return valuesOf(rows[0], metrics);
}
