"use client";
import { type Aggregate, fieldLabel, metricLabel } from "@/lib/query/fathom-fields";
import { MultiSeriesChart } from "@/components/charts/multi-series-chart";
import { COMPARISON_LABELS, GROUPING_LABELS } from "@/lib/format/labels";
import type { ReportResult } from "@/lib/query/report-result";
import { currentBucket } from "@/lib/query/resolve-range";
import { drawnKind, milestoneMarkers, timeSeriesPoints } from "@/lib/reports/chart-data";
import { fieldChartRanking } from "@/lib/reports/field-ranking";
import { multiSeries } from "@/lib/reports/multi-series";
import { partialBucket } from "@/lib/reports/partial-bucket";
import type { ChartAction } from "./chart-action";
import { ChartCard } from "./chart-card";
import { FieldRankSection } from "./field-rank-section";
import { TimeSeriesSection } from "./time-series-section";

export type ReportChartsProps = {
  result: ReportResult;
  /** The metric to draw (the report's others are on the cards and in the table). */
  metric: Aggregate;
  /**
   * Whether the reader picked `metric` (a card). A field chart follows the report's sort until they do;
   * when not said, a metric other than the report's first is taken as picked.
   */
  metricPicked?: boolean;
  /** A page's action on a day of the time series (see ChartAction). */
  chartAction?: ChartAction;
  /** h2 on its own; h3 under a panel's heading. */
  titleLevel: 2 | 3;
  now: Date;
};

/**
 * The chart that fits the report: a time series when grouped by date only (the bucket still running drawn
 * as "so far"), bars of the rows ranked as the report is sorted when grouped by fields only, the top five
 * series when grouped by both; none for "table only" or when there is nothing to group by. Money is in
 * the currency the answer names.
 */
export function ReportCharts({ result, metric, metricPicked, chartAction, titleLevel, now }: ReportChartsProps) {
  const { query, range, currency } = result;
  const grouping = range.grouping;
  const kind = drawnKind(query.chart, grouping ? range.buckets.length : result.rows.length);
  if (!kind || (!grouping && query.by.length === 0)) return null;
  const groupLabel = query.by.map(fieldLabel).join(" · ");

  if (!grouping) {
    const ranking = fieldChartRanking(query, metric, metricPicked ?? metric !== query.metrics[0]);
    return <FieldRankSection query={query} rows={result.rows} ranking={ranking} groupLabel={groupLabel} currency={currency} titleLevel={titleLevel} />;
  }

  if (query.by.length > 0) {
    const series = multiSeries(result.rows, metric, query.by, range.buckets, currentBucket(now, range.timezone, grouping));
    return (
      <ChartCard title={`${metricLabel(metric)} by ${groupLabel}, ${GROUPING_LABELS[grouping].toLowerCase()}`} titleLevel={titleLevel}>
        <MultiSeriesChart chart={series} metric={metric} grouping={grouping} kind={kind} groupLabel={groupLabel} currency={currency} />
      </ChartCard>
    );
  }

  const comparison = result.comparison && query.compare !== "none" ? result.comparison : undefined;
  return (
    <ChartCard title={`${metricLabel(metric)} over time`} titleLevel={titleLevel}>
      <TimeSeriesSection
        points={timeSeriesPoints(metric, result, comparison, query.limit === undefined)}
        metric={metric}
        grouping={grouping}
        kind={kind}
        markers={milestoneMarkers(result.milestones, grouping, range.buckets)}
        currency={currency}
        comparisonLabel={comparison && query.compare !== "none" ? COMPARISON_LABELS[query.compare] : undefined}
        partialBucket={partialBucket(range, now)}
        action={chartAction}
      />
    </ChartCard>
  );
}
