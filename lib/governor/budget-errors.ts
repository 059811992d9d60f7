import "server-only";
import { ApiError } from "@/lib/api/errors";
import type { UpstreamFailure } from "./upstream-failure";

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

/** Fathom answered 429 and retrying did not fit in time. */
export function rateLimitedError(failure: UpstreamFailure): ApiError {
  const retryAfter = seconds(failure.retryAfterMs ?? 1000);
  return new ApiError(429, "upstream_rate_limited", `Fathom asked Sounding to slow down; try again in ${retryAfter} s.`, { retryAfter });
}
