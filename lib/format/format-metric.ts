/**
 * One entry point for showing a metric's value: counts with separators, durations, bounce rate as a
 * percentage (Fathom answers a 0..1 fraction), money from cents in the event's currency; and whether a
 * change is good news for that metric. Isomorphic.
 */
import { type Aggregate, type EventCurrency, metricInfo } from "@/lib/query/fathom-fields";
import { formatDuration } from "./format-duration";
import { formatMoney, formatMoneyCompact } from "./format-money";
import { DEFAULT_LOCALE, formatCompact, formatNumber, formatPercent, percentChange } from "./format-number";

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
      return formatPercent(value, locale);
    case "money":
      return compact ? formatMoneyCompact(value, currency, locale) : formatMoney(value, currency, locale);
    case "count":
      return compact ? formatCompact(value, locale) : formatNumber(value, locale);
  }
}

export type ChangeTone = "good" | "bad" | "neutral";

/** Whether moving from `previous` to `current` is good news for this metric (bounce rate down is good). */
export function changeTone(metric: Aggregate, current: number, previous: number): ChangeTone {
  const change = percentChange(current, previous);
  if (change === null || change === 0) return "neutral";
  return change > 0 === metricInfo(metric).upIsGood ? "good" : "bad";
}
