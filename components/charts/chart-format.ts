/**
 * What every chart shares: axis ticks and tooltip values formatted per metric (the table's one rule,
 * format-metric.ts, in full; axes in short), date buckets in the site's calendar, and colours from the
 * theme's CSS variables (app/globals.css), so light and dark follow the system. Pure.
 */
import { formatBucket } from "@/lib/format/format-date";
import { formatMetric } from "@/lib/format/format-metric";
import { type Aggregate, type DateGrouping, type EventCurrency, metricInfo, metricLabel } from "@/lib/query/fathom-fields";

export const CHART_COLORS = {
  main: "rgb(var(--accent))",
  /** The comparison period: muted and dashed, behind the main series. */
  previous: "rgb(var(--muted))",
  milestone: "rgb(var(--warn))",
  /** A second metric on the time series' right-hand axis: a series colour of its own, dash-dotted. */
  second: "rgb(var(--chart-2))",
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

/** A duration on an axis: `45s`, `1m`, `1m 30s`, `2h`, `1h 30m`. */
export function durationTick(seconds: number): string {
  const total = Math.round(seconds);
  if (!Number.isFinite(total) || total < 0) return "";
  if (total < 60) return `${total}s`;
  if (total < 3600) return total % 60 === 0 ? `${total / 60}m` : `${Math.floor(total / 60)}m ${total % 60}s`;
  const minutes = Math.round(total / 60);
  return minutes % 60 === 0 ? `${minutes / 60}h` : `${Math.floor(minutes / 60)}h ${minutes % 60}m`;
}

/** An axis tick: short forms (`1.2K`, `$3.4K`, `42%`, `1m 30s`). */
export function metricTick(metric: Aggregate, currency?: EventCurrency | null) {
  return (value: unknown) => {
    if (typeof value !== "number") return String(value ?? "");
    return metricInfo(metric).format === "duration" ? durationTick(value) : formatMetric(metric, value, { currency, compact: true });
  };
}

/** Steps a duration axis ticks at: whole seconds, minutes, hours. */
const DURATION_STEPS = [1, 2, 5, 10, 15, 30, 60, 120, 300, 600, 900, 1800, 3600, 7200, 10_800, 21_600, 43_200, 86_400];

/** Ticks for a duration axis up to `max` seconds, at most five, on round minutes and seconds (`0s, 30s, 1m, 1m 30s`). */
export function durationTicks(max: number): number[] | undefined {
  if (!Number.isFinite(max) || max <= 0) return undefined;
  const step = DURATION_STEPS.find((candidate) => max / candidate <= 4) ?? Math.ceil(max / 4 / 86_400) * 86_400;
  return Array.from({ length: Math.ceil(max / step) + 1 }, (_, index) => index * step);
}

/**
 * The value axis of a metric: short ticks, whole numbers only for counts and money (a count of 0.5
 * visits is no tick; a rate's ticks are fractions), and round ticks for durations up to `max`.
 */
export function valueAxis(metric: Aggregate, currency: EventCurrency | null | undefined, values: readonly unknown[]) {
  const { format } = metricInfo(metric);
  const ticks = format === "duration" ? durationTicks(Math.max(0, ...values.filter((value): value is number => typeof value === "number" && Number.isFinite(value)))) : undefined;
  return {
    tickFormatter: metricTick(metric, currency),
    allowDecimals: format === "percent",
    ...(ticks ? { ticks, domain: [0, ticks.at(-1)!] as [number, number] } : {}),
  };
}

/** A tooltip or table value in full (`1,234`, `$1,234.56`). */
export function metricValue(metric: Aggregate, value: unknown, currency?: EventCurrency | null): string {
  return typeof value === "number" ? formatMetric(metric, value, { currency }) : "—";
}

/** A tooltip's line for a value, naming its metric: `Bounce rate: 42.3%`. */
export function namedValue(metric: Aggregate, value: unknown, currency?: EventCurrency | null): string {
  return `${metricLabel(metric)}: ${metricValue(metric, value, currency)}`;
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
