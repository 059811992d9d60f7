/**
 * The change per row of a field breakdown against the comparison period (Plausible's and GA's "vs
 * previous period" column): the comparison's rows are grouped by the same fields, sorted and limited the
 * same way, and matched to the period's rows by their values. A row the comparison does not have was
 * zero then ("new") when the comparison has every row (fewer than the limit, or no limit); otherwise it
 * may only have been below the top N, and its change is unknown. Pure and isomorphic.
 */
import { type Aggregate, type GroupableField, metricInfo } from "@/lib/query/fathom-fields";
import { changeDirection, changeTone, formatMetricChange, type ChangeTone } from "@/lib/format/format-metric";
import { formatComparedRange } from "@/lib/format/format-date";
import type { ReportQuery } from "@/lib/query/report-query";
import type { ReportRange, ReportRow, ReportTotals } from "@/lib/query/report-result";

export type RowComparisonInput = {
  query: Pick<ReportQuery, "by" | "limit">;
  range: Pick<ReportRange, "grouping">;
  comparison?: { range: ReportRange; rows: readonly ReportRow[]; totals: ReportTotals; label: string };
};

export type RowChange =
  /** A figure to compare with: `text` is unsigned ("12%", "3 pts"), `direction` gives the arrow. */
  | { kind: "change"; text: string; direction: -1 | 0 | 1 | null; tone: ChangeTone; spoken: string }
  /** Not in the comparison, which has every row: none then. */
  | { kind: "new"; spoken: string }
  /** Not in the comparison's top N: the change is unknown. */
  | { kind: "unknown"; title: string; spoken: string };

export type RowComparison = {
  /** "Previous period", "Previous year". */
  label: string;
  /** The comparison's dates: `Apr 17 – 30, 2024`. */
  dates: string;
  changeOf: (row: ReportRow, metric: Aggregate) => RowChange | null;
};

/** The key two rows of the same breakdown share: their grouped values, a missing one as null. */
export function rowKey(row: Pick<ReportRow, "fields">, by: readonly GroupableField[]): string {
  return JSON.stringify(by.map((field) => {
    const value = row.fields[field];
    return value === undefined || value === null || value.trim() === "" ? null : value;
  }));
}

/**
 * The comparison rows matched to a field breakdown, or null when there is none to show: a date grouping
 * (the chart compares those), no grouped field, no comparison, or a comparison without rows while its
 * totals say there were figures (an answer written before comparisons had rows per field).
 */
export function rowComparison({ query, range, comparison }: RowComparisonInput): RowComparison | null {
  if (!comparison || range.grouping !== null || query.by.length === 0) return null;
  const rows = comparison.rows.filter((row) => row.date === undefined);
  const hadFigures = Object.values(comparison.totals).some((value) => value !== undefined && value !== 0);
  if (rows.length === 0 && hadFigures) return null;
  const previous = new Map<string, ReportRow>();
  for (const row of rows) {
    const key = rowKey(row, query.by);
    if (!previous.has(key)) previous.set(key, row);
  }
  const complete = query.limit === undefined || rows.length < query.limit;
  const label = comparison.label;
  const lower = label.toLowerCase();
  return {
    label,
    dates: formatComparedRange(comparison.range),
    changeOf(row, metric) {
      const current = row.values[metric];
      if (current === undefined) return null;
      const before = previous.get(rowKey(row, query.by));
      if (!before) {
        return complete
          ? { kind: "new", spoken: `new: none in the ${lower}` }
          : { kind: "unknown", title: `Not in the ${lower}'s top ${query.limit}`, spoken: `not in the ${lower}'s top ${query.limit}` };
      }
      return change(metric, current, before.values[metric] ?? 0, lower);
    },
  };
}

function change(metric: Aggregate, current: number, previous: number, lower: string): RowChange {
  if (current === previous) {
    const text = metricInfo(metric).format === "percent" ? "0 pts" : "0%";
    return { kind: "change", text, direction: 0, tone: "neutral", spoken: `unchanged on the ${lower}` };
  }
  const direction = changeDirection(metric, current, previous);
  // Nothing to measure a change from: a count that was zero then.
  if (direction === null) return { kind: "new", spoken: `new: none in the ${lower}` };
  const text = formatMetricChange(metric, current, previous).replace(/^[+-]/, "");
  const tone = changeTone(metric, current, previous);
  return { kind: "change", text, direction, tone, spoken: `${direction > 0 ? "up" : "down"} ${text} on the ${lower}` };
}
