/**
 * Whether the time series can write its milestones' names beside their lines, or must number them:
 * names drawn closer together than they are wide overlap (two launches a few days apart on a phone), so
 * then every marker gets a number and the list under the chart pairs each number with its names. An
 * estimate from the axis: buckets are spread evenly over the plot. Pure.
 */
import type { MilestoneMarker } from "./chart-data";

/** The most characters a marker's label draws before it is cut with "…" (its title has it whole). */
export const MILESTONE_LABEL_CHARS = 18;
/** What a marker's label takes: the flag (8px), ~6.2px a character at 11px, and a gap before the next. */
const FLAG_WIDTH = 8;
const CHAR_WIDTH = 6.2;
const GAP = 6;
/** The time series' margin right of the plot (time-series-chart.tsx). */
const RIGHT_MARGIN = 12;

/** The label a marker draws: its names, cut after `MILESTONE_LABEL_CHARS`. */
export function milestoneLabel(names: readonly string[]): string {
  const text = names.join(", ");
  return text.length > MILESTONE_LABEL_CHARS ? `${text.slice(0, MILESTONE_LABEL_CHARS - 1)}…` : text;
}

/** How wide a marker's label is drawn, in pixels. */
export function milestoneLabelWidth(names: readonly string[]): number {
  return FLAG_WIDTH + milestoneLabel(names).length * CHAR_WIDTH + GAP;
}

/**
 * True when some marker's label would run into the next one's, on a plot `plotWidth` pixels wide over
 * `buckets` (or past the plot's right edge): then all are numbered, 1, 2, 3 in date order.
 */
export function milestonesCrowded(markers: readonly MilestoneMarker[], buckets: readonly string[], plotWidth: number): boolean {
  if (markers.length === 0 || buckets.length === 0) return false;
  const step = plotWidth / buckets.length;
  const positions = markers.map((marker) => (Math.max(0, buckets.indexOf(marker.bucket)) + 0.5) * step);
  return markers.some((marker, index) => {
    const end = positions[index]! + milestoneLabelWidth(marker.names);
    const next = positions[index + 1];
    // The last label may run into the chart's right margin, not past it.
    return next === undefined ? end > plotWidth + RIGHT_MARGIN : end > next;
  });
}
