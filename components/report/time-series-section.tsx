"use client";
import { useState } from "react";
import { CHART_COLORS } from "@/components/charts/chart-format";
import { TimeSeriesChart, type TimeSeriesChartProps } from "@/components/charts/time-series-chart";
import { bucketLabel, dayOfBucket } from "@/lib/reports/chart-data";
import { drawnPoints, hasPartial, partialNote } from "@/lib/reports/partial-bucket";
import type { ChartAction } from "./chart-action";

/** What the chart draws, plus the page's optional action on a day of it. */
export type TimeSeriesSectionProps = Pick<
  TimeSeriesChartProps,
  "points" | "metric" | "grouping" | "kind" | "markers" | "currency" | "comparisonLabel" | "partialBucket"
> & {
  /** A page's action on a clicked day (Explore: "Add milestone here"); without it the chart only reads. */
  action?: ChartAction;
};

/**
 * The time series with its milestones listed under it (touch screens can't hover), and a note on the
 * bucket still running when the chart draws one. With an action, a click on the chart picks a day, drawn
 * with a line of its own, and the action is drawn below with it.
 */
export function TimeSeriesSection(props: TimeSeriesSectionProps) {
  const { points, grouping, kind, markers, partialBucket, action } = props;
  const partial = partialBucket && hasPartial(drawnPoints(points, partialBucket, kind)) ? partialBucket : null;
  const [picked, setPicked] = useState<string | null>(null);
  const lastBucket = points.at(-1)?.bucket;

  return (
    <div className="flex flex-col gap-2">
      <TimeSeriesChart
        {...props}
        onPickBucket={action ? setPicked : undefined}
        pickHint={action?.hint}
        pickedBucket={action ? picked : null}
      />
      {partial ? (
        <p className="flex items-center gap-1.5 text-xs text-muted" data-partial-note={partial}>
          <span
            aria-hidden="true"
            className={kind === "bar" ? "inline-block size-2.5 rounded-sm border border-dashed" : "inline-block w-4 border-t-2 border-dashed"}
            style={kind === "bar" ? { borderColor: CHART_COLORS.main, background: "rgb(var(--accent) / 0.35)" } : { borderColor: CHART_COLORS.main }}
          />
          {partialNote(kind, grouping)}
        </p>
      ) : null}
      {markers.length > 0 ? (
        <ul aria-label="Milestones in this range" className="flex flex-wrap gap-x-4 gap-y-1 text-xs">
          {markers.map((marker) => (
            <li key={marker.bucket} className="flex items-center gap-1">
              <span aria-hidden="true" className="inline-block size-2 rotate-45" style={{ background: CHART_COLORS.milestone }} />
              <span className="font-medium">{marker.names.join(", ")}</span>
              <span className="text-muted">{bucketLabel(marker.bucket, grouping)}</span>
            </li>
          ))}
        </ul>
      ) : null}
      {action
        ? action.render({
            picked: picked ? { bucket: picked, date: dayOfBucket(picked), label: bucketLabel(picked, grouping) } : null,
            lastDate: lastBucket ? dayOfBucket(lastBucket) : null,
            clearPick: () => setPicked(null),
          })
        : null}
    </div>
  );
}
