"use client";
import { useState } from "react";
import { AddMilestoneDialog } from "@/components/milestones/add-milestone-dialog";
import { Button } from "@/components/ui/button";
import { dayOfBucket } from "@/components/charts/chart-data";
import { CHART_COLORS, bucketLabel } from "@/components/charts/chart-format";
import { TimeSeriesChart, type TimeSeriesChartProps } from "@/components/charts/time-series-chart";

/** What the chart draws, plus what adding a milestone needs. */
export type TimeSeriesSectionProps = Pick<
  TimeSeriesChartProps,
  "points" | "metric" | "grouping" | "kind" | "markers" | "currency" | "comparisonLabel"
> & {
  siteId: string;
  /** Editors and admins may add milestones from the chart. */
  canEdit: boolean;
};

/**
 * The time series with its milestones listed under it (touch screens can't hover), and for editors
 * "Add milestone here": click a day, then the button opens the dialog on that day. Keyboard users get
 * the same dialog from "Add a milestone…", starting on the range's last day.
 */
export function TimeSeriesSection(props: TimeSeriesSectionProps) {
  const { points, grouping, markers, siteId, canEdit } = props;
  const [picked, setPicked] = useState<string | null>(null);
  const [dialogOpen, setDialogOpen] = useState(false);
  const lastBucket = points.at(-1)?.bucket;
  const dialogDay = dayOfBucket(picked ?? lastBucket ?? "");

  return (
    <div className="flex flex-col gap-2">
      <TimeSeriesChart {...props} onPickBucket={canEdit ? setPicked : undefined} pickedBucket={canEdit ? picked : null} />
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
      {canEdit ? (
        <div className="flex flex-wrap items-center gap-2 text-sm" aria-live="polite">
          {picked ? (
            <>
              <span className="font-medium">{bucketLabel(picked, grouping)}</span>
              <Button onClick={() => setDialogOpen(true)}>Add milestone here</Button>
              <Button variant="ghost" onClick={() => setPicked(null)}>
                Cancel
              </Button>
            </>
          ) : (
            <>
              <span className="text-muted">Click a day on the chart to mark a milestone there.</span>
              <Button variant="ghost" onClick={() => setDialogOpen(true)} disabled={!lastBucket}>
                Add a milestone…
              </Button>
            </>
          )}
        </div>
      ) : null}
      {canEdit && dialogDay ? (
        <AddMilestoneDialog
          siteId={siteId}
          date={dialogDay}
          open={dialogOpen}
          onOpenChange={(open) => {
            setDialogOpen(open);
            if (!open) setPicked(null);
          }}
        />
      ) : null}
    </div>
  );
}
