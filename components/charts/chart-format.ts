/**
 * What every chart shares: axis ticks and tooltip values formatted per metric, date buckets in the
 * site's calendar, and colours from the theme's CSS variables (app/globals.css), so light and dark
 * follow the system. Pure.
 */
import { formatBucket } from "@/lib/format/format-date";
import { formatMetric } from "@/lib/format/format-metric";
import type { Aggregate, DateGrouping, EventCurrency } from "@/lib/query/fathom-fields";

export const CHART_COLORS = {
  main: "rgb(var(--accent))",
  /** The comparison period: muted and dashed, behind the main series. */
  previous: "rgb(var(--muted))",
  milestone: "rgb(var(--warn))",
  grid: "rgb(var(--line))",
  text: "rgb(var(--muted))",
  surface: "rgb(var(--surface))",
  ink: "rgb(var(--ink))",
};

/** Six series colours that pass 3:1 against the surface in light and dark (the last is for "Other"). */
export const SERIES_COLORS = [1, 2, 3, 4, 5, 6].map((index) => `rgb(var(--chart-${index}))`);

export function seriesColor(index: number, isOther: boolean): string {
  return isOther ? SERIES_COLORS[5]! : SERIES_COLORS[index % 5]!;
}

/** An axis tick: short forms (`1.2K`, `$3.4K`, `42%`, `2m 05s`). */
export function metricTick(metric: Aggregate, currency?: EventCurrency | null) {
  return (value: unknown) => (typeof value === "number" ? formatMetric(metric, value, { currency, compact: true }) : String(value ?? ""));
}

/** A tooltip or table value in full (`1,234`, `$1,234.56`). */
export function metricValue(metric: Aggregate, value: unknown, currency?: EventCurrency | null): string {
  return typeof value === "number" ? formatMetric(metric, value, { currency }) : "—";
}

export function bucketTick(grouping: DateGrouping) {
  return (bucket: unknown) => (typeof bucket === "string" ? formatBucket(bucket, grouping, "axis") : String(bucket ?? ""));
}

export const AXIS_PROPS = {
  stroke: CHART_COLORS.grid,
  tick: { fill: CHART_COLORS.text, fontSize: 12 },
  tickLine: false,
} as const;

export const TOOLTIP_BOX = "rounded-md border border-line bg-surface px-3 py-2 text-xs text-ink shadow-md";
