/**
 * A report grouped by date and a field, shaped for the chart: the top five groups as series over every
 * bucket, plus "Other" for the rest when the metric adds up. Pure.
 */
import { type Aggregate, type GroupableField, metricInfo } from "@/lib/query/fathom-fields";
import type { ReportRow } from "@/lib/query/report-result";
import { rowLabel } from "./chart-data";

/** Whether per-group figures of a metric add up to a meaningful "Other" (counts and money do, ratios don't). */
export function sumsAcrossGroups(metric: Aggregate): boolean {
  return ["count", "money"].includes(metricInfo(metric).format);
}

/** A series of a multi-series chart: `name` as drawn (flags included), `spoken` without flags when it differs. */
export type Series = { key: string; name: string; spoken?: string };
export type MultiSeries = {
  series: Series[];
  points: Array<Record<string, string | number | undefined>>;
  /** Each group's grouped values as Fathom sent them, by series key ("Other" has none): what a click filters on. */
  fields?: Record<string, ReportRow["fields"]>;
};
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
  const groups = new Map<string, { sum: number; spoken: string; fields: ReportRow["fields"]; byBucket: Map<string, number> }>();
  for (const row of rows) {
    if (row.date === undefined) continue;
    const label = rowLabel(row, by);
    const group = groups.get(label) ?? { sum: 0, spoken: rowLabel(row, by, { flags: false }), fields: row.fields, byBucket: new Map<string, number>() };
    const value = row.values[metric] ?? 0;
    group.sum += value;
    group.byBucket.set(row.date, (group.byBucket.get(row.date) ?? 0) + value);
    groups.set(label, group);
  }
  const ranked = [...groups.entries()].sort((a, b) => b[1].sum - a[1].sum || a[0].localeCompare(b[0]));
  const top = ranked.slice(0, count);
  const rest = sumsAcrossGroups(metric) ? ranked.slice(count) : [];
  const series: Series[] = top.map(([name, group], index) => ({ key: `s${index}`, name, ...(group.spoken !== name ? { spoken: group.spoken } : {}) }));
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
  const fields = Object.fromEntries(top.map(([, group], index) => [`s${index}`, group.fields]));
  return { series, points, fields };
}
