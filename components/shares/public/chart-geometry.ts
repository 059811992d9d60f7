/**
 * The arithmetic of the share page's static SVG charts: a scale that ends on a round number, and a series
 * as line segments in a 1000 × 100 plot box (stretched to the chart's width by the browser, so the server
 * needs no layout). Pure.
 */

/** The plot box every line chart draws in; the SVG stretches it to its width. */
export const PLOT_WIDTH = 1000;
export const PLOT_HEIGHT = 100;

/** The smallest round number (1, 2, 2.5 or 5 times a power of ten) at or above `max`; 1 for nothing. */
export function niceCeiling(max: number): number {
  if (!Number.isFinite(max) || max <= 0) return 1;
  const power = 10 ** Math.floor(Math.log10(max));
  const step = [1, 2, 2.5, 5, 10].find((factor) => factor * power >= max) ?? 10;
  return step * power;
}

/** Where the `index`th of `count` buckets sits across the plot (a lone bucket in the middle). */
export function xAt(index: number, count: number): number {
  return round(count <= 1 ? PLOT_WIDTH / 2 : (index / (count - 1)) * PLOT_WIDTH);
}

/** The same place as a percentage of the chart's width, for text drawn in real pixels beside the plot. */
export function xPercent(index: number, count: number): string {
  return `${round(xAt(index, count) / (PLOT_WIDTH / 100))}%`;
}

export function yAt(value: number, top: number): number {
  return PLOT_HEIGHT - (Math.max(0, value) / top) * PLOT_HEIGHT;
}

/**
 * A series as `points` strings for <polyline>, one per run of known values: a bucket with no figure (still to
 * come) breaks the line rather than dropping it to zero. A run of one point is drawn as a dot.
 */
export function lineSegments(values: ReadonlyArray<number | undefined>, top: number): string[] {
  const segments: string[] = [];
  let run: string[] = [];
  const close = () => {
    if (run.length === 1) run.push(run[0]!);
    if (run.length > 0) segments.push(run.join(" "));
    run = [];
  };
  values.forEach((value, index) => {
    if (value === undefined) return close();
    run.push(`${xAt(index, values.length)},${round(yAt(value, top))}`);
  });
  close();
  return segments;
}

/** A bar's length as a share of the longest, for an SVG width in percent. */
export function barPercent(value: number, max: number): number {
  if (!Number.isFinite(value) || value <= 0 || max <= 0) return 0;
  return round(Math.min(100, (value / max) * 100));
}

/** A label cut to what fits beside its value at phone width (the table below has it in full). */
export function shortLabel(label: string, max = 26): string {
  return label.length <= max ? label : `${label.slice(0, max - 1)}…`;
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}
