"use client";
import { Area, Bar, CartesianGrid, ComposedChart, Line, ReferenceLine, Tooltip, XAxis, YAxis, type TooltipContentProps } from "recharts";
import type { Aggregate, DateGrouping, EventCurrency } from "@/lib/query/fathom-fields";
import { bucketLabel, type DrawnKind, type MilestoneMarker, type TimePoint } from "@/lib/reports/chart-data";
import { timeSeriesSummary } from "@/lib/reports/chart-summary";
import { ChartFrame } from "./chart-frame";
import { AXIS_PROPS, CHART_COLORS, TOOLTIP_BOX, bucketTick, metricTick, metricValue } from "./chart-format";

export type TimeSeriesChartProps = {
  points: TimePoint[];
  metric: Aggregate;
  grouping: DateGrouping;
  kind: DrawnKind;
  markers: MilestoneMarker[];
  currency?: EventCurrency | null;
  /** "Previous period" or "Previous year" when the report has a comparison. */
  comparisonLabel?: string;
  /** Clicking a bucket (a page's chart action, e.g. "Add milestone here"); without it the chart only reads. */
  onPickBucket?: (bucket: string) => void;
  /** What a click does, said in the tooltip when `onPickBucket` is set ("Click to add a milestone here"). */
  pickHint?: string;
  /** The bucket picked last, drawn with a marker of its own. */
  pickedBucket?: string | null;
};

/** A milestone's flag at the top of its line; its full name shows on hover (SVG title) and in the tooltip. */
function MilestoneFlag({ viewBox, names }: { viewBox?: { x?: number; y?: number }; names: string[] }) {
  const x = viewBox?.x ?? 0;
  const y = viewBox?.y ?? 0;
  const text = names.join(", ");
  return (
    <g data-milestone={text} className="cursor-help">
      <title>{`Milestone: ${text}`}</title>
      <path d={`M${x},${y} l6,0 l-6,8 z`} fill={CHART_COLORS.milestone} />
      <text x={x + 8} y={y + 8} fontSize={11} fill={CHART_COLORS.ink}>
        {text.length > 18 ? `${text.slice(0, 17)}…` : text}
      </text>
    </g>
  );
}

type TooltipProps = Pick<TooltipContentProps, "active" | "payload"> &
  Pick<TimeSeriesChartProps, "metric" | "grouping" | "currency" | "markers" | "comparisonLabel" | "pickHint">;

function SeriesTooltip(props: TooltipProps) {
  const { active, payload, metric, grouping, currency, markers, comparisonLabel, pickHint } = props;
  const point = payload?.[0]?.payload as TimePoint | undefined;
  if (!active || !point) return null;
  const marker = markers.find((candidate) => candidate.bucket === point.bucket);
  return (
    <div className={TOOLTIP_BOX}>
      <p className="font-medium">{bucketLabel(point.bucket, grouping)}</p>
      <p className="tabular-nums">{metricValue(metric, point.value, currency)}</p>
      {comparisonLabel && point.previousBucket ? (
        <p className="text-muted tabular-nums">
          {comparisonLabel} ({bucketLabel(point.previousBucket, grouping)}): {metricValue(metric, point.previous, currency)}
        </p>
      ) : null}
      {marker ? <p className="mt-1 font-medium">Milestone: {marker.names.join(", ")}</p> : null}
      {pickHint ? <p className="mt-1 text-muted">{pickHint}</p> : null}
    </div>
  );
}

/** The report over time: one metric, the comparison faint and dashed behind it, milestones as flagged lines. */
export function TimeSeriesChart(props: TimeSeriesChartProps) {
  const { points, metric, grouping, kind, markers, currency, comparisonLabel, onPickBucket, pickHint, pickedBucket } = props;
  const summary = timeSeriesSummary({ metric, currency, kind, grouping, points, markers, comparisonLabel });
  const main = { dataKey: "value", name: "value", isAnimationActive: false };
  return (
    <ChartFrame summary={summary}>
      <ComposedChart
        data={points}
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
        <YAxis tickFormatter={metricTick(metric, currency)} width={60} allowDecimals={false} {...AXIS_PROPS} />
        <Tooltip
          content={(tooltip) => (
            <SeriesTooltip active={tooltip.active} payload={tooltip.payload} metric={metric} grouping={grouping} currency={currency} markers={markers} comparisonLabel={comparisonLabel} pickHint={onPickBucket ? pickHint : undefined} />
          )}
          cursor={{ stroke: CHART_COLORS.grid }}
        />
        {comparisonLabel ? (
          <Line dataKey="previous" name="previous" stroke={CHART_COLORS.previous} strokeDasharray="4 4" strokeWidth={1.5} dot={false} isAnimationActive={false} />
        ) : null}
        {kind === "bar" ? <Bar {...main} fill={CHART_COLORS.main} radius={[3, 3, 0, 0]} maxBarSize={48} /> : null}
        {kind === "area" ? <Area {...main} type="monotone" stroke={CHART_COLORS.main} strokeWidth={2} fill={CHART_COLORS.main} fillOpacity={0.15} /> : null}
        {kind === "line" ? <Line {...main} type="monotone" stroke={CHART_COLORS.main} strokeWidth={2} dot={points.length <= 31 ? { r: 2 } : false} /> : null}
        {markers.map((marker) => (
          <ReferenceLine
            key={marker.bucket}
            x={marker.bucket}
            stroke={CHART_COLORS.milestone}
            strokeDasharray="2 3"
            label={(label: { viewBox?: { x?: number; y?: number } }) => <MilestoneFlag viewBox={label.viewBox} names={marker.names} />}
          />
        ))}
        {pickedBucket ? <ReferenceLine x={pickedBucket} stroke={CHART_COLORS.ink} strokeWidth={1} /> : null}
      </ComposedChart>
    </ChartFrame>
  );
}
