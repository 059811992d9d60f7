"use client";
import { type Aggregate, fieldLabel, metricLabel } from "@/lib/query/fathom-fields";
import { MultiSeriesChart } from "@/components/charts/multi-series-chart";
import { GROUPING_LABELS } from "@/lib/format/labels";
import type { ReportResult } from "@/lib/query/report-result";
import { currentBucket } from "@/lib/query/resolve-range";
import { drawnKind } from "@/lib/reports/chart-data";
import { valueParts } from "@/lib/reports/click-filter";
import { fieldChartRanking } from "@/lib/reports/field-ranking";
import { multiSeries, type Series } from "@/lib/reports/multi-series";
import type { ChartAction } from "./chart-action";
import { ChartCard } from "./chart-card";
import { FieldRankSection } from "./field-rank-section";
import { ValueParts, type OnFilter } from "./filter-target";
import { TimeSeriesCard } from "./time-series-card";

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
  /** A page's action on a bar's or a series' value clicked (Explore: add it as a filter); without it they only read. */
  onFilter?: OnFilter;
  /** h2 on its own; h3 under a panel's heading. */
  titleLevel: 2 | 3;
  now: Date;
};

/**
 * The chart that fits the report: a time series when grouped by date only (the bucket still running drawn
 * as "so far", a second metric on request), bars of the rows ranked as the report is sorted when grouped
 * by fields only, the top five series when grouped by both; none for "table only" or when there is
 * nothing to group by. Money is in the currency the answer names.
 */
export function ReportCharts({ result, metric, metricPicked, chartAction, onFilter, titleLevel, now }: ReportChartsProps) {
  const { query, range, currency } = result;
  const grouping = range.grouping;
  const kind = drawnKind(query.chart, grouping ? range.buckets.length : result.rows.length);
  if (!kind || (!grouping && query.by.length === 0)) return null;
  const groupLabel = query.by.map(fieldLabel).join(" · ");

  if (!grouping) {
    const ranking = fieldChartRanking(query, metric, metricPicked ?? metric !== query.metrics[0]);
    return <FieldRankSection query={query} rows={result.rows} ranking={ranking} groupLabel={groupLabel} currency={currency} titleLevel={titleLevel} onFilter={onFilter} />;
  }

  if (query.by.length > 0) {
    const series = multiSeries(result.rows, metric, query.by, range.buckets, currentBucket(now, range.timezone, grouping));
    const seriesLabel = (item: Series) => {
      const fields = series.fields?.[item.key];
      return fields ? <ValueParts parts={valueParts(query, query.by, fields)} onFilter={onFilter} /> : <span title={item.name}>{item.name}</span>;
    };
    return (
      <ChartCard title={`${metricLabel(metric)} by ${groupLabel}, ${GROUPING_LABELS[grouping].toLowerCase()}`} titleLevel={titleLevel}>
        <MultiSeriesChart chart={series} metric={metric} grouping={grouping} kind={kind} groupLabel={groupLabel} currency={currency} seriesLabel={onFilter ? seriesLabel : undefined} />
      </ChartCard>
    );
  }

  return <TimeSeriesCard result={result} metric={metric} grouping={grouping} kind={kind} chartAction={chartAction} titleLevel={titleLevel} now={now} />;
}
