/**
 * The totals the panel has seen since it opened, for its sparkline. Kept in the browser only, for the
 * last 30 minutes. Pure and isomorphic.
 */

export const HISTORY_WINDOW_MS = 30 * 60_000;

/** One figure as fetched by the server: `at` is its fetchedAt (epoch ms). */
export type Sample = { at: number; total: number };

/**
 * Adds a figure to the history: one point per upstream fetch (the same answer seen twice, or by a second
 * poll before the server refreshed, is not a new point), in time order, none older than the window.
 */
export function addSample(history: readonly Sample[], sample: Sample, now: number, windowMs = HISTORY_WINDOW_MS): Sample[] {
  const from = now - windowMs;
  const kept = history.filter((point) => point.at >= from && point.at !== sample.at);
  if (sample.at >= from) kept.push(sample);
  kept.sort((a, b) => a.at - b.at);
  return kept;
}

/** The lowest and highest totals of a history, or null when it is empty. */
export function historyRange(history: readonly Sample[]): { min: number; max: number } | null {
  if (history.length === 0) return null;
  let min = Infinity;
  let max = -Infinity;
  for (const { total } of history) {
    min = Math.min(min, total);
    max = Math.max(max, total);
  }
  return { min, max };
}
