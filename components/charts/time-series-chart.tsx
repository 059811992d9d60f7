"use client";
import { Area, Bar, CartesianGrid, ComposedChart, Line, Rectangle, ReferenceLine, Tooltip, XAxis, YAxis, type BarShapeProps } from "recharts";
import { type Aggregate, type DateGrouping, type EventCurrency, metricLabel } from "@/lib/query/fathom-fields";
import type { DrawnKind, MilestoneMarker, TimePoint } from "@/lib/reports/chart-data";
import { timeSeriesSummary } from "@/lib/reports/chart-summary";
import { drawnPoints, hasPartial, type DrawnPoint } from "@/lib/reports/partial-bucket";
import { ChartFrame } from "./chart-frame";
import { AXIS_PROPS, CHART_COLORS, bucketTick, valueAxis } from "./chart-format";
import { ChartLegend, type LegendEntry } from "./chart-legend";
import { MilestoneFlag, SeriesTooltip } from "./time-series-tooltip";

export type TimeSeriesChartProps = {
  points: TimePoint[];
  metric: Aggregate;
  grouping: DateGrouping;
  kind: DrawnKind;
  markers: MilestoneMarker[];
  currency?: EventCurrency | null;
  /** "Previous period" or "Previous year" when the report has a comparison. */
  comparisonLabel?: string;
  /** The comparison's dates (`Apr 17 – 30, 2024`), for its legend entry. */
  comparisonDates?: string;
  /** A second metric, its figures in each point's `second`: a line of its own on a right-hand axis. */
  second?: Aggregate;
  /** Milestones too close for their names: numbered flags (the list under the chart names them). */
  numberedMarkers?: boolean;
  /**
   * The bucket still running (partial-bucket.ts): drawn dashed at the end of a line or area, as a lighter
   * bar, and said to be "so far" in the tooltip. Null or absent for a closed range.
   */
  partialBucket?: string | null;
  /** Clicking a bucket (a page's chart action, e.g. "Add milestone here"); without it the chart only reads. */
  onPickBucket?: (bucket: string) => void;
  /** What a click does, said in the tooltip when `onPickBucket` is set ("Click to add a milestone here"). */
  pickHint?: string;
  /** The bucket picked last, drawn with a marker of its own. */
  pickedBucket?: string | null;
};

/** The dash of the bucket so far; the comparison's dash ("4 4", muted) stays distinct. */
const PARTIAL_DASH = "6 4";
const COMPARISON_DASH = "4 4";
/** The second metric's line: dash-dotted, unlike the main series (solid), the comparison and "so far". */
export const SECOND_DASH = "8 3 2 3";
/** What the chart takes beside its plot: the value axis (60) and the margins (4 and 12). */
export const PLOT_GUTTER = 76;
/** The second metric's right-hand axis. */
export const SECOND_AXIS_WIDTH = 60;

/** A bar, lighter and outlined with a dash when its bucket is still running. */
function MainBar(props: BarShapeProps) {
  const partial = (props.payload as DrawnPoint | undefined)?.isPartial === true;
  if (!partial) return <Rectangle {...props} fill={CHART_COLORS.main} />;
  return <Rectangle {...props} data-partial="" fill={CHART_COLORS.main} fillOpacity={0.35} stroke={CHART_COLORS.main} strokeDasharray={PARTIAL_DASH} />;
}

/** The legend, when there is more than the one series: the metric, the second metric, the comparison. */
function legendEntries({ metric, kind, second, comparisonLabel, comparisonDates }: Pick<TimeSeriesChartProps, "metric" | "kind" | "second" | "comparisonLabel" | "comparisonDates">): LegendEntry[] {
  if (!second && !comparisonLabel) return [];
  const entries: LegendEntry[] = [{ key: metric, swatch: { color: CHART_COLORS.main, shape: kind === "bar" ? "square" : "line" }, label: metricLabel(metric) }];
  if (second) entries.push({ key: second, swatch: { color: CHART_COLORS.second, shape: "line", dash: SECOND_DASH }, label: `${metricLabel(second)} (right axis)` });
  if (comparisonLabel) {
    const label = comparisonDates ? `${comparisonLabel}, ${comparisonDates}` : comparisonLabel;
    entries.push({ key: "previous", swatch: { color: CHART_COLORS.previous, shape: "line", dash: COMPARISON_DASH }, label: second ? `${label} (${metricLabel(metric)})` : label });
  }
  return entries;
}

/** The report over time: one metric (and a second on its own axis), the comparison faint and dashed behind it, milestones as flagged lines. */
export function TimeSeriesChart(props: TimeSeriesChartProps) {
  const { points, metric, grouping, kind, markers, currency, comparisonLabel, second, numberedMarkers = false, partialBucket, onPickBucket, pickHint, pickedBucket } = props;
  const drawn = drawnPoints(points, partialBucket ?? null, kind);
  const partial = hasPartial(drawn) ? partialBucket : null;
  const summary = timeSeriesSummary({ metric, currency, kind, grouping, points, markers, comparisonLabel, partialBucket: partial, second });
  const values = drawn.flatMap((point) => [point.value, comparisonLabel ? point.previous : undefined]);
  const common = { isAnimationActive: false };
  const dot = points.length <= 31 ? { r: 2 } : false;
  const legend = legendEntries(props);
  return (
    <div className="flex flex-col gap-2" data-second-metric={second ?? ""}>
      <ChartFrame summary={summary}>
        <ComposedChart
          data={drawn}
          accessibilityLayer={false}
          margin={{ top: 16, right: 12, bottom: 4, left: 4 }}
          // Pointer moves are handled at once (not once per frame) when a click picks a day, so a quick
          // click or a tap, which comes right after its move, already knows which day it is on.
          throttledEvents={onPickBucket ? [] : undefined}
          onClick={(state) => {
            if (onPickBucket && typeof state.activeLabel === "string") onPickBucket(state.activeLabel);
          }}
          className={onPickBucket ? "cursor-pointer" : undefined}
        >
          <CartesianGrid vertical={false} stroke={CHART_COLORS.grid} />
          <XAxis dataKey="bucket" tickFormatter={bucketTick(grouping)} minTickGap={24} {...AXIS_PROPS} />
          <YAxis width={60} {...valueAxis(metric, currency, values)} {...AXIS_PROPS} />
          {second ? (
            <YAxis
              yAxisId="second"
              orientation="right"
              width={SECOND_AXIS_WIDTH}
              {...valueAxis(
                second,
                currency,
                drawn.map((point) => point.second),
              )}
              {...AXIS_PROPS}
              tick={{ ...AXIS_PROPS.tick, fill: CHART_COLORS.second }}
            />
          ) : null}
          <Tooltip
            content={(tooltip) => (
              <SeriesTooltip
                active={tooltip.active}
                payload={tooltip.payload}
                metric={metric}
                second={second}
                grouping={grouping}
                currency={currency}
                markers={markers}
                comparisonLabel={comparisonLabel}
                pickHint={onPickBucket ? pickHint : undefined}
              />
            )}
            cursor={{ stroke: CHART_COLORS.grid }}
          />
          {comparisonLabel ? <Line dataKey="previous" name="previous" stroke={CHART_COLORS.previous} strokeDasharray={COMPARISON_DASH} strokeWidth={1.5} dot={false} {...common} /> : null}
          {kind === "bar" ? <Bar dataKey="value" name="value" shape={MainBar} radius={[3, 3, 0, 0]} maxBarSize={48} {...common} /> : null}
          {kind === "area" ? <Area dataKey="complete" name="value" type="monotone" stroke={CHART_COLORS.main} strokeWidth={2} fill={CHART_COLORS.main} fillOpacity={0.15} {...common} /> : null}
          {kind === "area" && partial ? (
            <Area dataKey="partial" name="so far" className="partial-series" type="monotone" stroke={CHART_COLORS.main} strokeWidth={2} strokeDasharray={PARTIAL_DASH} fill={CHART_COLORS.main} fillOpacity={0.06} {...common} />
          ) : null}
          {kind === "line" ? <Line dataKey="complete" name="value" type="monotone" stroke={CHART_COLORS.main} strokeWidth={2} dot={dot} {...common} /> : null}
          {kind === "line" && partial ? (
            <Line dataKey="partial" name="so far" className="partial-series" type="monotone" stroke={CHART_COLORS.main} strokeWidth={2} strokeDasharray={PARTIAL_DASH} dot={dot} {...common} />
          ) : null}
          {second ? (
            <Line yAxisId="second" dataKey="second" name="second" className="second-series" type="monotone" stroke={CHART_COLORS.second} strokeWidth={2} strokeDasharray={SECOND_DASH} dot={false} {...common} />
          ) : null}
          {markers.map((marker, index) => (
            <ReferenceLine
              key={marker.bucket}
              x={marker.bucket}
              stroke={CHART_COLORS.milestone}
              strokeDasharray="2 3"
              label={(label: { viewBox?: { x?: number; y?: number } }) => <MilestoneFlag viewBox={label.viewBox} names={marker.names} number={numberedMarkers ? index + 1 : undefined} />}
            />
          ))}
          {pickedBucket ? <ReferenceLine x={pickedBucket} stroke={CHART_COLORS.ink} strokeWidth={1} /> : null}
        </ComposedChart>
      </ChartFrame>
      {legend.length > 0 ? <ChartLegend entries={legend} /> : null}
    </div>
  );
}
