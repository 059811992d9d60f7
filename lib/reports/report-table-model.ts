/**
 * The report table as data: its columns (date, grouped fields, metrics, and the share of the total for
 * the first countable metric), the rows in the order the reader picked, and each cell as the table shows
 * it and as the CSV writes it. Pure; the table component and the CSV both read it, so they cannot drift.
 */
import { type Aggregate, type DateGrouping, type EventCurrency, fieldLabel, type GroupableField, metricInfo, metricLabel } from "@/lib/query/fathom-fields";
import type { ReportRow, ReportTotals } from "@/lib/query/report-result";
import { formatBucket } from "@/lib/format/format-date";
import { formatMetric } from "@/lib/format/format-metric";
import { NO_VALUE, formatPercent } from "@/lib/format/format-number";
import { fieldValueLabel, fieldValueText } from "@/lib/format/field-values";

export type ReportColumn =
  | { id: "date"; kind: "date"; label: string }
  | { id: GroupableField; kind: "field"; field: GroupableField; label: string }
  | { id: Aggregate; kind: "metric"; metric: Aggregate; label: string }
  | { id: "share"; kind: "share"; metric: Aggregate; label: string };

export type ColumnId = ReportColumn["id"];
export type TableSort = { column: ColumnId; direction: "asc" | "desc" };

export type TableShape = {
  metrics: readonly Aggregate[];
  by: readonly GroupableField[];
  grouping: DateGrouping | null;
};

/** The metric the share-of-total column is for: the first one that adds up (counts, money), if any. */
export function shareMetric(metrics: readonly Aggregate[]): Aggregate | null {
  return metrics.find((metric) => ["count", "money"].includes(metricInfo(metric).format)) ?? null;
}

export function reportColumns({ metrics, by, grouping }: TableShape): ReportColumn[] {
  const columns: ReportColumn[] = [];
  if (grouping) columns.push({ id: "date", kind: "date", label: "Date" });
  for (const field of by) columns.push({ id: field, kind: "field", field, label: fieldLabel(field) });
  for (const metric of metrics) columns.push({ id: metric, kind: "metric", metric, label: metricLabel(metric) });
  const share = shareMetric(metrics);
  if (share) columns.push({ id: "share", kind: "share", metric: share, label: `% of ${metricLabel(share).toLowerCase()}` });
  return columns;
}

/** A row's part of the period's total (0.25 for a quarter); null when the total is zero or unknown. */
export function shareOfTotal(row: ReportRow, metric: Aggregate, totals: ReportTotals): number | null {
  const total = totals[metric];
  const value = row.values[metric];
  if (total === undefined || value === undefined || total === 0) return null;
  return value / total;
}

/**
 * The value a column sorts by: numbers for metrics and shares, text for dates and fields (a field as it
 * reads, so countries sort by name; missing values null, last).
 */
function sortValue(row: ReportRow, column: ReportColumn, totals: ReportTotals): number | string | null {
  switch (column.kind) {
    case "date":
      return row.date ?? null;
    case "field": {
      const label = fieldValueLabel(column.field, row.fields[column.field]);
      return label.missing ? null : label.text;
    }
    case "metric":
      return row.values[column.metric] ?? null;
    case "share":
      return shareOfTotal(row, column.metric, totals);
  }
}

const collator = new Intl.Collator("en-US", { numeric: true, sensitivity: "base" });

/**
 * The rows in the reader's order; without a sort, in the order the report returned them. Stable, and
 * missing values go last whichever the direction.
 */
export function sortRows(rows: readonly ReportRow[], sort: TableSort | null, columns: readonly ReportColumn[], totals: ReportTotals): ReportRow[] {
  const column = sort ? columns.find((candidate) => candidate.id === sort.column) : undefined;
  if (!sort || !column) return [...rows];
  const sign = sort.direction === "asc" ? 1 : -1;
  return rows
    .map((row, index) => ({ row, index, key: sortValue(row, column, totals) }))
    .sort((a, b) => {
      if (a.key === null || b.key === null) return a.key === b.key ? a.index - b.index : a.key === null ? 1 : -1;
      const order = typeof a.key === "number" && typeof b.key === "number" ? a.key - b.key : collator.compare(String(a.key), String(b.key));
      return sign * order || a.index - b.index;
    })
    .map(({ row }) => row);
}

/** The first direction a column sorts in when clicked: biggest first for numbers, A→Z for text, oldest first for dates. */
export function firstDirection(column: ReportColumn): "asc" | "desc" {
  return column.kind === "metric" || column.kind === "share" ? "desc" : "asc";
}

/** Clicking a header: a new column starts in its first direction; the same column flips. */
export function nextSort(current: TableSort | null, column: ReportColumn): TableSort {
  if (current?.column === column.id) return { column: column.id, direction: current.direction === "asc" ? "desc" : "asc" };
  return { column: column.id, direction: firstDirection(column) };
}

export type CellContext = { totals: ReportTotals; grouping: DateGrouping | null; currency?: EventCurrency | null };

/** A cell as the table shows it (a field's value without its flag: the table component draws that). */
export function displayCell(row: ReportRow, column: ReportColumn, { totals, grouping, currency }: CellContext): string {
  switch (column.kind) {
    case "date":
      return row.date && grouping ? formatBucket(row.date, grouping, "full") : NO_VALUE;
    case "field":
      return fieldValueText(column.field, row.fields[column.field]);
    case "metric": {
      const value = row.values[column.metric];
      return value === undefined ? NO_VALUE : formatMetric(column.metric, value, { currency });
    }
    case "share": {
      const share = shareOfTotal(row, column.metric, totals);
      return share === null ? NO_VALUE : formatPercent(share);
    }
  }
}
