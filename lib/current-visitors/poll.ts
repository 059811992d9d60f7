/**
 * When the browser asks for the current-visitors figure again. Pure and isomorphic: the panel's
 * react-query `refetchInterval` and its visibility handler call these with the query's state.
 */

/** Asked a little after the server's next refresh, so the request finds the new figure rather than the old one. */
export const REFRESH_SLACK_MS = 500;
/** Never poll faster than this, whatever the server says (a clock skew or a past `nextRefreshAt`). */
export const MIN_POLL_MS = 2_000;
/** Never wait longer than this before asking again. */
export const MAX_POLL_MS = 10 * 60_000;

export type PollState = {
  /** The last answer's `meta.nextRefreshAt` (ISO), if there is an answer. */
  nextRefreshAt?: string;
  /** When the last answer arrived (epoch ms; 0 when none). */
  answeredAt: number;
  /** When the last request failed (epoch ms; 0 when none). */
  failedAt: number;
  /** The server's `retryAfter` with that failure (seconds), when it gave one. */
  retryAfterSeconds?: number;
  /** The interval in force (ms), for answers without a usable next refresh time. */
  intervalMs: number;
};

/**
 * When the next poll is due (epoch ms). After an answer: just after the server's next refresh. After a
 * failure newer than the last answer: once its `retryAfter` has passed, else one interval later. With
 * neither: now (0).
 */
export function nextPollAt(state: PollState): number {
  if (state.failedAt > 0 && state.failedAt >= state.answeredAt) {
    const retryAfter = state.retryAfterSeconds;
    const waitMs = retryAfter !== undefined && Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter * 1000 : state.intervalMs;
    return state.failedAt + waitMs + REFRESH_SLACK_MS;
  }
  if (state.answeredAt > 0) {
    const at = state.nextRefreshAt ? Date.parse(state.nextRefreshAt) : Number.NaN;
    return (Number.isNaN(at) ? state.answeredAt + state.intervalMs : at) + REFRESH_SLACK_MS;
  }
  return 0;
}

/** The delay before a poll due at `dueAt`, kept between MIN_POLL_MS and MAX_POLL_MS so a bad clock can't make it spin. */
export function pollDelay(dueAt: number, now: number): number {
  return Math.min(MAX_POLL_MS, Math.max(MIN_POLL_MS, Math.round(dueAt - now)));
}
