"use client";
import { type Aggregate, type EventCurrency, metricInfo } from "@/lib/query/fathom-fields";
import { formatComparedRange } from "@/lib/format/format-date";
import { changeDirection, changeTone, formatMetric, formatMetricChange, type ChangeTone } from "@/lib/format/format-metric";
import type { ReportRange, ReportTotals } from "@/lib/query/report-result";

export type CardComparison = { totals: ReportTotals; range: ReportRange; label: string };

export type MetricCardsProps = {
  metrics: readonly Aggregate[];
  totals: ReportTotals;
  comparison?: CardComparison;
  currency?: EventCurrency | null;
  /** The metric the chart shows; with `onSelect`, cards are toggle buttons that pick it. */
  selected?: Aggregate;
  onSelect?: (metric: Aggregate) => void;
};

export const TONE_CLASS: Record<ChangeTone, string> = { good: "text-good", bad: "text-bad", neutral: "text-muted" };

function Change({ metric, current, previous, comparison, currency }: { metric: Aggregate; current: number; previous: number; comparison: CardComparison; currency?: EventCurrency | null }) {
  const change = changeDirection(metric, current, previous);
  const shownChange = formatMetricChange(metric, current, previous);
  const tone = changeTone(metric, current, previous);
  const previousText = formatMetric(metric, previous, { currency });
  const arrow = change === null || change === 0 ? "" : change > 0 ? "▲" : "▼";
  const label = comparison.label.toLowerCase();
  const dates = formatComparedRange(comparison.range);
  const spoken =
    change === null
      ? `The ${label}, ${dates}, had ${previousText}.`
      : change === 0
        ? `Unchanged from the ${label}, ${dates} (${previousText}).`
        : `${change > 0 ? "Up" : "Down"} ${shownChange.replace(/^[+-]/, "")} on the ${label}, ${dates} (${previousText}), ${tone === "good" ? "good" : "bad"} news.`;
  return (
    <p className="mt-1 flex flex-wrap items-baseline gap-x-1 text-xs">
      <span data-tone={tone} className={`font-medium tabular-nums ${TONE_CLASS[tone]}`} aria-hidden="true">
        {arrow} {shownChange}
      </span>
      <span className="text-muted" aria-hidden="true" data-compared-dates>
        vs {dates}
      </span>
      <span className="sr-only">{spoken}</span>
    </p>
  );
}

/** The period's totals, one card per metric, with the change against the comparison period. */
export function MetricCards({ metrics, totals, comparison, currency, selected, onSelect }: MetricCardsProps) {
  return (
    <ul className="grid grid-cols-2 gap-3 sm:grid-cols-3 xl:grid-cols-4" aria-label="Totals">
      {metrics.map((metric) => {
        const info = metricInfo(metric);
        const current = totals[metric];
        const previous = comparison?.totals[metric];
        const hint =
          comparison && previous !== undefined
            ? `${comparison.label} (${formatComparedRange(comparison.range)}): ${formatMetric(metric, previous, { currency })}`
            : info.description;
        const body = (
          <>
            <span className="block text-xs font-medium text-muted">{info.label}</span>
            <span className="mt-1 block text-2xl font-semibold tabular-nums">{current === undefined ? "—" : formatMetric(metric, current, { currency })}</span>
            {comparison && current !== undefined && previous !== undefined ? (
              <Change metric={metric} current={current} previous={previous} comparison={comparison} currency={currency} />
            ) : null}
          </>
        );
        const frame = "block h-full w-full rounded-lg border bg-surface p-3 text-left shadow-sm";
        return (
          <li key={metric} data-metric={metric} title={hint}>
            {onSelect ? (
              <button
                type="button"
                aria-pressed={selected === metric}
                onClick={() => onSelect(metric)}
                className={`${frame} transition-colors hover:border-accent ${selected === metric ? "border-accent ring-1 ring-accent" : "border-line"}`}
              >
                {body}
              </button>
            ) : (
              <div className={`${frame} border-line`}>{body}</div>
            )}
          </li>
        );
      })}
    </ul>
  );
}
