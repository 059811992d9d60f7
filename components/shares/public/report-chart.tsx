import { formatDateRange } from "@/lib/format/format-date";
import { COMPARISON_LABELS } from "@/lib/format/labels";
import { fieldLabel, metricLabel } from "@/lib/query/fathom-fields";
import { bucketLabel, drawnKind, milestoneMarkers, timeSeriesPoints, topRows } from "@/lib/reports/chart-data";
import type { ShareReportResult } from "@/lib/shares/share-view";
import { ACCENT } from "./share-accent";
import { BarChart } from "./bar-chart";
import { LineChart } from "./line-chart";

/** Whether the report has a chart the share page draws: a date series, or the top rows of a field grouping. */
export function hasChart(result: ShareReportResult): boolean {
  const grouping = result.range.grouping;
  if (result.metrics.length === 0 || !drawnKind(result.chart, grouping ? result.range.buckets.length : result.rows.length)) return false;
  // Grouped by date and fields at once is many series: the table reads better than a static tangle.
  if (grouping) return result.by.length === 0 && result.range.buckets.length > 0;
  return result.by.length > 0 && result.rows.length > 0;
}

/**
 * The report's first metric drawn as its chart (the cards and the table have the others): a line over the
 * dates with the comparison and the milestones, or bars of the top ten rows. Null when nothing is drawn.
 */
export function ReportChart({ result }: { result: ShareReportResult }) {
  const metric = result.metrics[0];
  const grouping = result.range.grouping;
  if (!metric || !hasChart(result)) return null;

  if (!grouping) {
    const groupLabel = result.by.map(fieldLabel).join(" · ");
    return (
      <figure className="flex flex-col gap-2">
        <figcaption className="text-sm font-medium">
          Top {Math.min(10, result.rows.length)} by {metricLabel(metric).toLowerCase()}
        </figcaption>
        <BarChart data={topRows(result.rows, metric, result.by)} metric={metric} currency={result.currency} groupLabel={groupLabel} />
      </figure>
    );
  }

  const comparison = result.comparison && result.compare !== "none" ? result.comparison : undefined;
  const comparisonLabel = comparison && result.compare !== "none" ? COMPARISON_LABELS[result.compare] : undefined;
  const markers = milestoneMarkers(result.milestones, grouping, result.range.buckets);
  return (
    <figure className="flex flex-col gap-2">
      <figcaption className="text-sm font-medium">{metricLabel(metric)} over time</figcaption>
      <LineChart
        points={timeSeriesPoints(metric, result, comparison)}
        metric={metric}
        grouping={grouping}
        markers={markers}
        currency={result.currency}
        comparisonLabel={comparisonLabel}
      />
      <ul aria-label="Chart legend" className="flex flex-wrap gap-x-4 gap-y-1 text-xs text-muted">
        <li className="flex items-center gap-1.5">
          <span aria-hidden="true" className="inline-block h-0.5 w-4" style={{ background: ACCENT }} />
          {formatDateRange(result.range.startDate, result.range.endDate)}
        </li>
        {comparison && comparisonLabel ? (
          <li className="flex items-center gap-1.5">
            <span aria-hidden="true" className="inline-block w-4 border-t-2 border-dashed border-muted" />
            {comparisonLabel}: {formatDateRange(comparison.range.startDate, comparison.range.endDate)}
          </li>
        ) : null}
      </ul>
      {markers.length > 0 ? (
        <ul aria-label="Milestones" className="flex flex-wrap gap-x-4 gap-y-1 text-xs">
          {markers.map((marker) => (
            <li key={marker.bucket} className="flex items-center gap-1.5" data-milestone={marker.bucket}>
              <span aria-hidden="true" className="inline-block h-3 w-px bg-warn" />
              <span className="font-medium">{marker.names.join(", ")}</span>
              <span className="text-muted">{bucketLabel(marker.bucket, grouping)}</span>
            </li>
          ))}
        </ul>
      ) : null}
    </figure>
  );
}
