"use client";
import { useState } from "react";
import { INITIAL_CHART_SIZE } from "@/components/charts/chart-frame";
import { CHART_COLORS } from "@/components/charts/chart-format";
import { PLOT_GUTTER, SECOND_AXIS_WIDTH, TimeSeriesChart, type TimeSeriesChartProps } from "@/components/charts/time-series-chart";
import { bucketLabel, dayOfBucket } from "@/lib/reports/chart-data";
import { milestonesCrowded } from "@/lib/reports/milestone-layout";
import { drawnPoints, hasPartial, partialNote } from "@/lib/reports/partial-bucket";
import type { ChartAction } from "./chart-action";
import { useElementWidth } from "./use-element-width";

/** What the chart draws, plus the page's optional action on a day of it. */
export type TimeSeriesSectionProps = Pick<
  TimeSeriesChartProps,
  "points" | "metric" | "grouping" | "kind" | "markers" | "currency" | "comparisonLabel" | "comparisonDates" | "second" | "partialBucket"
> & {
  /** A page's action on a clicked day (Explore: "Add milestone here"); without it the chart only reads. */
  action?: ChartAction;
};

/**
 * The time series with its milestones listed under it (touch screens can't hover), and a note on the
 * bucket still running when the chart draws one. Milestones too close together for their names on the
 * chart (a phone, a busy week) are numbered there and named here by number. With an action, a click on
 * the chart picks a day, drawn with a line of its own, and the action is drawn below with it.
 */
export function TimeSeriesSection(props: TimeSeriesSectionProps) {
  const { points, grouping, kind, markers, partialBucket, second, action } = props;
  const partial = partialBucket && hasPartial(drawnPoints(points, partialBucket, kind)) ? partialBucket : null;
  const [picked, setPicked] = useState<string | null>(null);
  const [ref, width] = useElementWidth<HTMLDivElement>(INITIAL_CHART_SIZE.width);
  const plotWidth = width - PLOT_GUTTER - (second ? SECOND_AXIS_WIDTH : 0);
  const numbered = milestonesCrowded(
    markers,
    points.map((point) => point.bucket),
    plotWidth,
  );
  const lastBucket = points.at(-1)?.bucket;

  return (
    <div ref={ref} className="flex min-w-0 flex-col gap-2">
      <TimeSeriesChart {...props} numberedMarkers={numbered} onPickBucket={action ? setPicked : undefined} pickHint={action?.hint} pickedBucket={action ? picked : null} />
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
        <ul aria-label="Milestones in this range" className="flex flex-wrap gap-x-4 gap-y-1 text-xs" data-milestones-numbered={numbered || undefined}>
          {markers.map((marker, index) => (
            <li key={marker.bucket} className="flex items-center gap-1" data-milestone-number={numbered ? index + 1 : undefined}>
              {numbered ? (
                <span aria-hidden="true" className="inline-flex size-4 items-center justify-center rounded-full text-[10px] font-semibold text-surface" style={{ background: CHART_COLORS.milestone }}>
                  {index + 1}
                </span>
              ) : (
                <span aria-hidden="true" className="inline-block size-2 rotate-45" style={{ background: CHART_COLORS.milestone }} />
              )}
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
