"use client";
import type { TooltipContentProps } from "recharts";
import type { Aggregate, DateGrouping, EventCurrency } from "@/lib/query/fathom-fields";
import { bucketLabel, type MilestoneMarker } from "@/lib/reports/chart-data";
import { milestoneLabel } from "@/lib/reports/milestone-layout";
import { soFarLabel, type DrawnPoint } from "@/lib/reports/partial-bucket";
import { CHART_COLORS, TOOLTIP_BOX, metricValue, namedValue } from "./chart-format";

export type SeriesTooltipProps = Pick<TooltipContentProps, "active" | "payload"> & {
  metric: Aggregate;
  /** The second metric on the right-hand axis, its figure in the point's `second`. */
  second?: Aggregate;
  grouping: DateGrouping;
  currency?: EventCurrency | null;
  markers: readonly MilestoneMarker[];
  comparisonLabel?: string;
  pickHint?: string;
};

/** A bucket's figure, named by its metric, with the comparison's, the milestone and "so far" for the bucket still running. */
export function SeriesTooltip(props: SeriesTooltipProps) {
  const { active, payload, metric, second, grouping, currency, markers, comparisonLabel, pickHint } = props;
  const point = payload?.[0]?.payload as DrawnPoint | undefined;
  if (!active || !point) return null;
  const marker = markers.find((candidate) => candidate.bucket === point.bucket);
  return (
    <div className={TOOLTIP_BOX}>
      <p className="font-medium">
        {bucketLabel(point.bucket, grouping)}
        {point.isPartial ? <span className="font-normal text-muted"> ({soFarLabel(grouping)})</span> : null}
      </p>
      <p className="tabular-nums">{namedValue(metric, point.value, currency)}</p>
      {second ? <p className="tabular-nums">{namedValue(second, point.second, currency)}</p> : null}
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

/**
 * A milestone's flag at the top of its line; its full name shows on hover (SVG title) and in the tooltip.
 * With `number` (milestones too close to name), a numbered badge instead, named in the list under the chart.
 */
export function MilestoneFlag({ viewBox, names, number }: { viewBox?: { x?: number; y?: number }; names: string[]; number?: number }) {
  const x = viewBox?.x ?? 0;
  const y = viewBox?.y ?? 0;
  const text = names.join(", ");
  if (number !== undefined) {
    return (
      <g data-milestone={text} data-milestone-number={number} className="cursor-help">
        <title>{`Milestone ${number}: ${text}`}</title>
        <circle cx={x} cy={y - 1} r={7} fill={CHART_COLORS.milestone} />
        <text x={x} y={y + 2.5} fontSize={10} fontWeight={600} textAnchor="middle" fill={CHART_COLORS.surface}>
          {number}
        </text>
      </g>
    );
  }
  return (
    <g data-milestone={text} className="cursor-help">
      <title>{`Milestone: ${text}`}</title>
      <path d={`M${x},${y} l6,0 l-6,8 z`} fill={CHART_COLORS.milestone} />
      <text x={x + 8} y={y + 8} fontSize={11} fill={CHART_COLORS.ink}>
        {milestoneLabel(names)}
      </text>
    </g>
  );
}
