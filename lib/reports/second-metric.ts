/**
 * A second metric on the time series (Visits and Bounce rate on one chart, the second on a right-hand
 * axis in its own units): which metrics can be it, and its figures set beside the first's. Pure.
 */
import { type Aggregate, metricLabel } from "@/lib/query/fathom-fields";
import type { TimePoint } from "./chart-data";

/** The report's metrics other than the one drawn, in the report's order. */
export function secondMetricChoices(metrics: readonly Aggregate[], drawn: Aggregate): Aggregate[] {
  return metrics.filter((metric) => metric !== drawn);
}

/** The second metric to draw: the one chosen while the report has it and it is not the one drawn; else none. */
export function secondMetric(chosen: Aggregate | null, metrics: readonly Aggregate[], drawn: Aggregate): Aggregate | null {
  return chosen !== null && secondMetricChoices(metrics, drawn).includes(chosen) ? chosen : null;
}

/** The points with the second metric's figure of the same bucket in `second`. */
export function withSecondMetric(points: readonly TimePoint[], second: readonly TimePoint[]): TimePoint[] {
  const byBucket = new Map(second.map((point) => [point.bucket, point.value]));
  return points.map((point) => {
    const value = byBucket.get(point.bucket);
    return value === undefined ? { ...point } : { ...point, second: value };
  });
}

/** The chart's title: "Visits over time", "Visits and bounce rate over time". */
export function timeSeriesTitle(metric: Aggregate, second: Aggregate | null): string {
  return second ? `${metricLabel(metric)} and ${metricLabel(second).toLowerCase()} over time` : `${metricLabel(metric)} over time`;
}
