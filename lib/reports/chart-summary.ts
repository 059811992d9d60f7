/**
 * What each chart shows, in one or two sentences, for its accessible name: screen readers get the
 * shape of the data (range, highest and lowest, comparison, milestones); the table below has every
 * figure. Pure.
 */
import { type Aggregate, type DateGrouping, type EventCurrency, metricLabel } from "@/lib/query/fathom-fields";
import { formatMetric } from "@/lib/format/format-metric";
import { GROUPING_LABELS } from "@/lib/format/labels";
import { bucketLabel, type BarDatum, type DrawnKind, type MilestoneMarker, type TimePoint } from "./chart-data";
import type { Series } from "./multi-series";
import { soFarLabel } from "./partial-bucket";

const KIND_NAMES: Record<DrawnKind, string> = { line: "Line chart", area: "Area chart", bar: "Bar chart" };

type Format = { metric: Aggregate; currency?: EventCurrency | null };
const value = ({ metric, currency }: Format, figure: number) => formatMetric(metric, figure, { currency });

export function timeSeriesSummary(options: Format & {
  kind: DrawnKind;
  grouping: DateGrouping;
  points: readonly TimePoint[];
  markers: readonly MilestoneMarker[];
  comparisonLabel?: string;
  /** The bucket still running (partial-bucket.ts), when the chart draws one. */
  partialBucket?: string | null;
  /** A second metric drawn on a right-hand axis, its figures in each point's `second`. */
  second?: Aggregate;
}): string {
  const { kind, grouping, points, markers, comparisonLabel, partialBucket, second } = options;
  const first = points[0];
  const last = points.at(-1);
  const metrics = second ? `${metricLabel(options.metric)} and ${metricLabel(second)} (right axis)` : metricLabel(options.metric);
  const title = `${KIND_NAMES[kind]} of ${metrics}, ${GROUPING_LABELS[grouping].toLowerCase()}`;
  const span = first && last ? `, ${bucketLabel(first.bucket, grouping)} to ${bucketLabel(last.bucket, grouping)}` : "";
  const sentences = [`${title}${span}.`];
  const extremes = extremesSentence(options, points.map((point) => ({ bucket: point.bucket, value: point.value })), grouping);
  sentences.push(extremes ?? "No figures yet.");
  if (second) {
    const secondExtremes = extremesSentence({ metric: second, currency: options.currency }, points.map((point) => ({ bucket: point.bucket, value: point.second })), grouping);
    if (secondExtremes) sentences.push(`${metricLabel(second)}: ${secondExtremes.charAt(0).toLowerCase()}${secondExtremes.slice(1)}`);
  }
  if (partialBucket) sentences.push(`The figure for ${bucketLabel(partialBucket, grouping)} is ${soFarLabel(grouping)}.`);
  if (comparisonLabel) sentences.push(`A dashed line shows the ${comparisonLabel.toLowerCase()}${second ? ` of ${metricLabel(options.metric)}` : ""}.`);
  if (markers.length > 0) {
    const list = markers.map((marker) => `${marker.names.join(", ")} (${bucketLabel(marker.bucket, grouping)})`).join("; ");
    sentences.push(`Milestones: ${list}.`);
  }
  return sentences.join(" ");
}

/** "Highest 890 on Thu, May 2, 2024; lowest 40 on Fri, May 3, 2024." of the figures there are; null without any. */
function extremesSentence(format: Format, points: ReadonlyArray<{ bucket: string; value?: number }>, grouping: DateGrouping): string | null {
  const known = points.filter((point): point is { bucket: string; value: number } => point.value !== undefined);
  if (known.length === 0) return null;
  const high = known.reduce((best, point) => (point.value > best.value ? point : best));
  const low = known.reduce((best, point) => (point.value < best.value ? point : best));
  return `Highest ${value(format, high.value)} on ${bucketLabel(high.bucket, grouping)}; lowest ${value(format, low.value)} on ${bucketLabel(low.bucket, grouping)}.`;
}

/** `direction` "asc" when the bars are the lowest first; `scope` what they are limited to ("pages with at least 50 visits"). */
export function barSummary(options: Format & { data: readonly BarDatum[]; groupLabel: string; direction?: "asc" | "desc"; scope?: string }): string {
  const { data, groupLabel, direction = "desc", scope } = options;
  const within = scope ? `, ${scope}` : "";
  if (data.length === 0) return `Bar chart of ${metricLabel(options.metric)} by ${groupLabel}${within}: no rows.`;
  const top = data
    .slice(0, 5)
    .map((datum) => `${datum.spoken ?? datum.label} ${value(options, datum.value)}`)
    .join(", ");
  return `Bar chart of ${metricLabel(options.metric)} by ${groupLabel}${within}, ${direction === "asc" ? "bottom" : "top"} ${data.length}: ${top}${data.length > 5 ? ", …" : ""}.`;
}

export function multiSeriesSummary(options: Format & { kind: DrawnKind; grouping: DateGrouping; series: readonly Series[]; groupLabel: string }): string {
  const { kind, grouping, series, groupLabel } = options;
  const names = series.map((item) => item.spoken ?? item.name).join(", ");
  return `${KIND_NAMES[kind]} of ${metricLabel(options.metric)} by ${groupLabel}, ${GROUPING_LABELS[grouping].toLowerCase()}, one series each for ${names || "no groups"}.`;
}
