import "server-only";
import { ApiError, beforeSending, isApiError } from "@/lib/api/errors";
import type { UpstreamFailure } from "./upstream-failure";
import type { FailureNote } from "./upstream-health";

const seconds = (ms: number) => Math.max(1, Math.ceil(ms / 1000));

/** Sounding's own budget cannot serve the request in time (nothing was sent upstream). */
export function budgetError(waitMs: number): ApiError {
  const retryAfter = seconds(waitMs);
  return new ApiError(
    429,
    "budget_exhausted",
    `Sounding is pacing its requests to stay within your Fathom plan's limits; try again in ${retryAfter} s.`,
    { retryAfter },
  );
}

/**
 * The budget this instance shares with the others (Redis) cannot be reached. Nothing is sent: spending from an
 * unshared budget could exceed the plan's limit, which belongs to the account, not to an instance.
 */
export function sharedBudgetUnreachableError(): ApiError {
  return beforeSending(
    new ApiError(
      503,
      "budget_unreachable",
      "Sounding cannot reach the request budget its instances share (Redis), so it is not sending anything to Fathom that could go over your plan's limit. Try again in a few seconds.",
      { retryAfter: 5 },
    ),
  );
}

/** Fathom answered 429 and retrying did not fit in time. */
export function rateLimitedError(failure: UpstreamFailure): ApiError {
  const retryAfter = seconds(failure.retryAfterMs ?? 1000);
  return new ApiError(429, "upstream_rate_limited", `Fathom asked Sounding to slow down; try again in ${retryAfter} s.`, { retryAfter });
}

const WHAT: Record<FailureNote["kind"], string> = {
  failing: "Fathom is failing right now",
  unreachable: "Sounding cannot reach Fathom",
  slow: "Fathom is too slow to answer",
  unreadable: "Fathom is sending broken answers",
};

/** The breaker is open: nothing is sent until the cool-down ends (then one request probes). */
export function upstreamDownError(note: FailureNote, failures: number, retryInMs: number): ApiError {
  const retryAfter = seconds(retryInMs);
  return new ApiError(
    503,
    "fathom_down",
    `${WHAT[note.kind]} (${note.detail}, ${failures} ${failures === 1 ? "time" : "times"} in a row). Sounding is holding off and will try again in ${retryAfter} s.`,
    { retryAfter },
  );
}

/** A caller's deadline passed while the request was still on its way to Fathom. */
export function upstreamSlowError(waitedMs: number): ApiError {
  return new ApiError(
    504,
    "fathom_slow",
    `Fathom is slow: no answer after ${seconds(waitedMs)} s. Try again in a moment; if it keeps happening, Fathom may be having trouble.`,
    { retryAfter: 5 },
  );
}

/** A caller's deadline passed while Sounding waited to retry a failed request. */
export function upstreamRetryingError(note: FailureNote, retryInMs: number): ApiError {
  const retryAfter = seconds(retryInMs);
  return new ApiError(502, "fathom_failing", `${WHAT[note.kind]} (${note.detail}). Sounding is retrying; try again in ${retryAfter} s.`, {
    retryAfter,
  });
}

/**
 * A cached-only read (`cachedOnly`, e.g. a saved report's preview figure) found no kept answer. Nothing
 * was sent and nothing spent; the caller shows no figure rather than an error.
 */
export function notCachedError(): ApiError {
  return beforeSending(new ApiError(404, "not_cached", "No answer to this report is kept yet; open the report to fetch one.", {}));
}

/** True for `notCachedError()`'s error, from any bundle (ApiError's brand and its code). */
export function isNotCached(error: unknown): boolean {
  return isApiError(error) && error.code === "not_cached";
}
