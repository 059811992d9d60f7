/**
 * The bucket that holds "now" in a range still running: its figure is only so far (today's visits at
 * 10:00), so the chart draws it apart instead of letting every line drop at its end. A closed range has
 * none. Pure: "now" is a parameter.
 */
import type { DateGrouping } from "@/lib/query/fathom-fields";
import type { ReportRange } from "@/lib/query/report-result";
import { currentBucket, endedBeforeToday } from "@/lib/query/resolve-range";
import type { DrawnKind, TimePoint } from "./chart-data";

/** The range's bucket that `now` falls in, while the range has not ended; null otherwise. */
export function partialBucket(range: Pick<ReportRange, "grouping" | "buckets" | "endDate" | "timezone">, now: Date): string | null {
  if (!range.grouping || endedBeforeToday(range.endDate, range.timezone, now)) return null;
  const bucket = currentBucket(now, range.timezone, range.grouping);
  return range.buckets.includes(bucket) ? bucket : null;
}

const SO_FAR: Record<DateGrouping, string> = {
  hour: "this hour so far",
  day: "today so far",
  month: "this month so far",
  year: "this year so far",
};

/** "today so far", "this month so far": what the partial bucket's figure is. */
export function soFarLabel(grouping: DateGrouping): string {
  return SO_FAR[grouping];
}

/** The caption under a chart with a partial bucket: "Dashed: today so far", "Lighter bar: this month so far". */
export function partialNote(kind: DrawnKind, grouping: DateGrouping): string {
  return `${kind === "bar" ? "Lighter bar" : "Dashed"}: ${soFarLabel(grouping)}`;
}

/**
 * A point as drawn: `complete` is the solid series, `partial` the dashed (or lighter) one. Bars draw the
 * partial bucket alone; lines and areas run the dashed series from the bucket before it, so the solid line
 * stops where the figures are final and a dashed segment leads to the one so far.
 */
export type DrawnPoint = TimePoint & { complete?: number; partial?: number; isPartial?: boolean };

export function drawnPoints(points: readonly TimePoint[], partial: string | null, kind: DrawnKind): DrawnPoint[] {
  const at = partial === null ? -1 : points.findIndex((point) => point.bucket === partial);
  const marked = at >= 0 && points[at]!.value !== undefined;
  return points.map((point, index) => {
    const drawn: DrawnPoint = { ...point, complete: point.value };
    if (!marked) return drawn;
    if (index === at) {
      drawn.complete = undefined;
      drawn.partial = point.value;
      drawn.isPartial = true;
    } else if (index === at - 1 && kind !== "bar") {
      drawn.partial = point.value;
    }
    return drawn;
  });
}

/** Whether the points draw a partial bucket (it is on the axis and has a figure). */
export function hasPartial(points: readonly DrawnPoint[]): boolean {
  return points.some((point) => point.isPartial);
}
