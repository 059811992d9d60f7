"use client";
import { useId, useState } from "react";
import { type Aggregate, type DateGrouping, aggregateSchema, metricLabel } from "@/lib/query/fathom-fields";
import { formatComparedRange } from "@/lib/format/format-date";
import { COMPARISON_LABELS } from "@/lib/format/labels";
import type { ReportResult } from "@/lib/query/report-result";
import { milestoneMarkers, timeSeriesPoints, type DrawnKind } from "@/lib/reports/chart-data";
import { partialBucket } from "@/lib/reports/partial-bucket";
import { secondMetric, secondMetricChoices, timeSeriesTitle, withSecondMetric } from "@/lib/reports/second-metric";
import type { ChartAction } from "./chart-action";
import { ChartCard } from "./chart-card";
import { TimeSeriesSection } from "./time-series-section";

export type TimeSeriesCardProps = {
  result: ReportResult;
  metric: Aggregate;
  /** The answer's date grouping (a time series has one). */
  grouping: DateGrouping;
  kind: DrawnKind;
  chartAction?: ChartAction;
  titleLevel: 2 | 3;
  now: Date;
};

/**
 * A report grouped by date only, over time: the metric drawn, and a second of the report's metrics the
 * reader may add on a right-hand axis in its own units ("Second metric" beside the chart), with the
 * comparison period dashed behind the first.
 */
export function TimeSeriesCard({ result, metric, grouping, kind, chartAction, titleLevel, now }: TimeSeriesCardProps) {
  const { query, range, currency } = result;
  const [chosen, setChosen] = useState<Aggregate | null>(null);
  const choices = secondMetricChoices(query.metrics, metric);
  const second = secondMetric(chosen, query.metrics, metric);
  const comparison = result.comparison && query.compare !== "none" ? result.comparison : undefined;
  const gapsAreZero = query.limit === undefined;
  const main = timeSeriesPoints(metric, result, comparison, gapsAreZero);
  const points = second ? withSecondMetric(main, timeSeriesPoints(second, result, undefined, gapsAreZero)) : main;

  return (
    <ChartCard
      title={timeSeriesTitle(metric, second)}
      titleLevel={titleLevel}
      actions={choices.length > 0 ? <SecondMetricSelect choices={choices} value={second} onChange={setChosen} /> : undefined}
    >
      <TimeSeriesSection
        points={points}
        metric={metric}
        second={second ?? undefined}
        grouping={grouping}
        kind={kind}
        markers={milestoneMarkers(result.milestones, grouping, range.buckets)}
        currency={currency}
        comparisonLabel={comparison ? COMPARISON_LABELS[query.compare] : undefined}
        comparisonDates={comparison ? formatComparedRange(comparison.range) : undefined}
        partialBucket={partialBucket(range, now)}
        action={chartAction}
      />
    </ChartCard>
  );
}

function SecondMetricSelect({ choices, value, onChange }: { choices: readonly Aggregate[]; value: Aggregate | null; onChange: (metric: Aggregate | null) => void }) {
  const id = useId();
  return (
    <div className="flex items-center gap-2 text-sm" data-print="hide">
      <label htmlFor={id} className="text-muted">
        Second metric
      </label>
      <select
        id={id}
        value={value ?? ""}
        onChange={(event) => {
          const picked = aggregateSchema.safeParse(event.target.value);
          onChange(picked.success ? picked.data : null);
        }}
        className="rounded-md border border-line bg-surface px-2 py-1"
      >
        <option value="">None</option>
        {choices.map((choice) => (
          <option key={choice} value={choice}>
            {metricLabel(choice)}
          </option>
        ))}
      </select>
    </div>
  );
}
