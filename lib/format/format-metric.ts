/**
 * One entry point for showing a metric's value: counts with separators, durations, bounce rate as a
 * percentage (Fathom answers a 0..1 fraction), money from cents in the event's currency; and whether a
 * change is good news for that metric. Isomorphic.
 */
import { type Aggregate, type EventCurrency, metricInfo } from "@/lib/query/fathom-fields";
import { formatDuration } from "./format-duration";
import { formatMoney, formatMoneyCompact } from "./format-money";
import { DEFAULT_LOCALE, formatChange, formatCompact, formatNumber, formatPercent, numberFormat, percentChange } from "./format-number";

export type MetricFormatOptions = {
  /** The event's currency, for `value`. */
  currency?: EventCurrency | null;
  /** Short form for chart axes. */
  compact?: boolean;
  locale?: string;
};

export function formatMetric(metric: Aggregate, value: number, options: MetricFormatOptions = {}): string {
  const { currency, compact = false, locale = DEFAULT_LOCALE } = options;
  switch (metricInfo(metric).format) {
    case "duration":
      return formatDuration(value);
    case "percent":
      // Axis ticks stay short (`25%`, `12.5%`); figures read to one decimal (`25.0%`).
      return compact ? (Number.isFinite(value) ? numberFormat(locale, { style: "percent", maximumFractionDigits: 1 }).format(value) : "—") : formatPercent(value, locale);
    case "money":
      return compact ? formatMoneyCompact(value, currency, locale) : formatMoney(value, currency, locale);
    case "count":
      return compact ? formatCompact(value, locale) : formatNumber(value, locale);
  }
}

export type ChangeTone = "good" | "bad" | "neutral";

/** Whether moving from `previous` to `current` is good news for this metric (bounce rate down is good). */
export function changeTone(metric: Aggregate, current: number, previous: number): ChangeTone {
  const direction = changeDirection(metric, current, previous);
  if (direction === null || direction === 0) return "neutral";
  return direction > 0 === metricInfo(metric).upIsGood ? "good" : "bad";
}

/**
 * A change as a reader compares it: a rate's in percentage points (bounce rate 50% → 40% is `-10 pts`, not
 * `-20%`), anything else relative (`+25%`); `—` when there is nothing to compare with.
 */
export function formatMetricChange(metric: Aggregate, current: number, previous: number, locale = DEFAULT_LOCALE): string {
  if (metricInfo(metric).format !== "percent") return formatChange(current, previous, locale);
  if (!Number.isFinite(current) || !Number.isFinite(previous)) return "—";
  const points = (current - previous) * 100;
  return `${numberFormat(locale, { maximumFractionDigits: 1, signDisplay: "exceptZero" }).format(points)} pts`;
}

/** Whether the change is up, down or none, as `formatMetricChange` measures it (null: nothing to compare with). */
export function changeDirection(metric: Aggregate, current: number, previous: number): -1 | 0 | 1 | null {
  if (metricInfo(metric).format === "percent") return Number.isFinite(current - previous) ? (Math.sign(current - previous) as -1 | 0 | 1) : null;
  const change = percentChange(current, previous);
  return change === null ? null : (Math.sign(change) as -1 | 0 | 1);
}
