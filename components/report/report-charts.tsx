"use client";
import { type Aggregate, fieldLabel, metricLabel } from "@/lib/query/fathom-fields";
import type { ReactNode } from "react";
import { FieldBarChart } from "@/components/charts/field-bar-chart";
import { MultiSeriesChart } from "@/components/charts/multi-series-chart";
import { COMPARISON_LABELS, GROUPING_LABELS } from "@/lib/format/labels";
import type { ReportResult } from "@/lib/query/report-result";
import { currentBucket } from "@/lib/query/resolve-range";
import { drawnKind, milestoneMarkers, multiSeries, timeSeriesPoints, topRows } from "@/lib/reports/chart-data";
import type { ChartAction } from "./chart-action";
import { TimeSeriesSection } from "./time-series-section";

export type ReportChartsProps = {
  result: ReportResult;
  /** The metric to draw (the report's others are on the cards and in the table). */
  metric: Aggregate;
  /** A page's action on a day of the time series (see ChartAction). */
  chartAction?: ChartAction;
  /** h2 on its own; h3 under a panel's heading. */
  titleLevel: 2 | 3;
  now: Date;
};

/**
 * The chart that fits the report: a time series when grouped by date only, bars of the top rows when
 * grouped by fields only, the top five series when grouped by both; none for "table only" or when
 * there is nothing to group by. Money is in the currency the answer names.
 */
export function ReportCharts({ result, metric, chartAction, titleLevel, now }: ReportChartsProps) {
  const { query, range, currency } = result;
  const grouping = range.grouping;
  const kind = drawnKind(query.chart, grouping ? range.buckets.length : result.rows.length);
  if (!kind || (!grouping && query.by.length === 0)) return null;
  const groupLabel = query.by.map(fieldLabel).join(" · ");

  let title: string;
  let chart: ReactNode;
  if (grouping && query.by.length === 0) {
    const comparison = result.comparison && query.compare !== "none" ? result.comparison : undefined;
    title = `${metricLabel(metric)} over time`;
    chart = (
      <TimeSeriesSection
        points={timeSeriesPoints(metric, result, comparison, query.limit === undefined)}
        metric={metric}
        grouping={grouping}
        kind={kind}
        markers={milestoneMarkers(result.milestones, grouping, range.buckets)}
        currency={currency}
        comparisonLabel={comparison && query.compare !== "none" ? COMPARISON_LABELS[query.compare] : undefined}
        action={chartAction}
      />
    );
  } else if (grouping) {
    const series = multiSeries(result.rows, metric, query.by, range.buckets, currentBucket(now, range.timezone, grouping));
    title = `${metricLabel(metric)} by ${groupLabel}, ${GROUPING_LABELS[grouping].toLowerCase()}`;
    chart = <MultiSeriesChart chart={series} metric={metric} grouping={grouping} kind={kind} groupLabel={groupLabel} currency={currency} />;
  } else {
    const data = topRows(result.rows, metric, query.by);
    title = `Top ${data.length} by ${metricLabel(metric).toLowerCase()}`;
    chart = <FieldBarChart data={data} metric={metric} groupLabel={groupLabel} currency={currency} />;
  }

  const Title = titleLevel === 3 ? "h3" : "h2";
  return (
    <section aria-label={title} className="flex flex-col gap-2 rounded-lg border border-line bg-surface p-3 sm:p-4">
      <Title className="text-base font-semibold">{title}</Title>
      {chart}
    </section>
  );
}
