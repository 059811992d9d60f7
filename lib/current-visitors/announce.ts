/**
 * What the panel's live region says, so that a screen reader hears a changed figure without being
 * spammed by every poll: only a figure different from the last one announced, at most once a minute.
 * Pure and isomorphic.
 */

export const ANNOUNCE_GAP_MS = 60_000;

export type Announced = { total: number; at: number } | null;

/**
 * When to announce `total`: null when there is nothing new to say, 0 for now, or the milliseconds to
 * wait (then announce whatever the figure is by then).
 */
export function announcementDelay(last: Announced, total: number, now: number, gapMs = ANNOUNCE_GAP_MS): number | null {
  if (last === null) return 0;
  if (last.total === total) return null;
  return Math.max(0, last.at + gapMs - now);
}

export function visitorsSentence(total: number): string {
  return `${total.toLocaleString("en")} ${total === 1 ? "current visitor" : "current visitors"}`;
}
