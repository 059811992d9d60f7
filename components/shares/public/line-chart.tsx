import { formatBucket } from "@/lib/format/format-date";
import { formatMetric } from "@/lib/format/format-metric";
import type { Aggregate, DateGrouping, EventCurrency } from "@/lib/query/fathom-fields";
import type { MilestoneMarker, TimePoint } from "@/lib/reports/chart-data";
import { timeSeriesSummary } from "@/lib/reports/chart-summary";
import { ACCENT } from "./share-accent";
import { PLOT_HEIGHT, PLOT_WIDTH, lineSegments, niceCeiling, xAt, xPercent } from "./chart-geometry";

export type LineChartProps = {
  points: readonly TimePoint[];
  metric: Aggregate;
  grouping: DateGrouping;
  markers: readonly MilestoneMarker[];
  currency: EventCurrency | null;
  /** Set when the points carry the comparison period's figures: drawn dashed behind. */
  comparisonLabel?: string;
};

// Pixel layout: tick labels above the plot and under it, in real pixels at any width (the plot alone stretches).
const TOP = 18;
const PLOT = 150;
const HEIGHT = TOP + PLOT + 22;

const MUTED = "rgb(var(--muted))";
const MILESTONE = "rgb(var(--warn))";
// Tick labels sit over the lines: a halo in the surface colour keeps them readable.
const HALO = { stroke: "rgb(var(--surface))", strokeWidth: 3, paintOrder: "stroke" } as const;

const defined = (value: number | undefined): value is number => value !== undefined;

/**
 * A date series as a static SVG, drawn on the server: this period solid in the accent colour, the
 * comparison dashed and muted, milestones as thin vertical lines (named in the list under the chart).
 * Its accessible name says what it shows; the table has every figure.
 */
export function LineChart({ points, metric, grouping, markers, currency, comparisonLabel }: LineChartProps) {
  const values = points.map((point) => point.value);
  const previous = comparisonLabel ? points.map((point) => point.previous) : [];
  const top = niceCeiling(Math.max(0, ...values.filter(defined), ...previous.filter(defined)));
  const tick = (value: number) => formatMetric(metric, value, { currency, compact: true });
  const position = new Map(points.map((point, index) => [point.bucket, index]));
  const count = points.length;
  const middle = Math.floor((count - 1) / 2);
  const axis = (index: number) => formatBucket(points[index]!.bucket, grouping, "axis");

  return (
    <svg
      role="img"
      aria-label={timeSeriesSummary({ kind: "line", metric, currency, grouping, points, markers, comparisonLabel })}
      width="100%"
      height={HEIGHT}
      className="block overflow-visible text-[11px]"
      data-share-chart="line"
    >
      <svg x="0" y={TOP} width="100%" height={PLOT} viewBox={`0 0 ${PLOT_WIDTH} ${PLOT_HEIGHT}`} preserveAspectRatio="none" overflow="visible">
        {[0, PLOT_HEIGHT / 2, PLOT_HEIGHT].map((y) => (
          <line key={y} x1={0} x2={PLOT_WIDTH} y1={y} y2={y} className="stroke-line" vectorEffect="non-scaling-stroke" />
        ))}
        {markers.map((marker) => {
          const x = xAt(position.get(marker.bucket) ?? 0, count);
          return (
            <line key={marker.bucket} x1={x} x2={x} y1={0} y2={PLOT_HEIGHT} style={{ stroke: MILESTONE }} strokeWidth={1} vectorEffect="non-scaling-stroke" data-milestone={marker.bucket}>
              <title>{marker.names.join(", ")}</title>
            </line>
          );
        })}
        {lineSegments(previous, top).map((segment) => (
          <polyline key={`previous-${segment}`} points={segment} fill="none" style={{ stroke: MUTED }} strokeWidth={1.5} strokeDasharray="6 4" strokeLinecap="round" vectorEffect="non-scaling-stroke" data-series="previous" />
        ))}
        {lineSegments(values, top).map((segment) => (
          <polyline key={`current-${segment}`} points={segment} fill="none" style={{ stroke: ACCENT }} strokeWidth={2.5} strokeLinecap="round" strokeLinejoin="round" vectorEffect="non-scaling-stroke" data-series="current" />
        ))}
      </svg>
      <text x="0" y={TOP - 5} className="fill-muted" {...HALO}>
        {tick(top)}
      </text>
      <text x="0" y={TOP + PLOT / 2 - 5} className="fill-muted" {...HALO}>
        {tick(top / 2)}
      </text>
      {count > 0 ? (
        <>
          <text x="0" y={HEIGHT - 4} className="fill-muted">
            {axis(0)}
          </text>
          {count > 2 ? (
            <text x={xPercent(middle, count)} y={HEIGHT - 4} textAnchor="middle" className="fill-muted">
              {axis(middle)}
            </text>
          ) : null}
          {count > 1 ? (
            <text x="100%" y={HEIGHT - 4} textAnchor="end" className="fill-muted">
              {axis(count - 1)}
            </text>
          ) : null}
        </>
      ) : null}
    </svg>
  );
}
