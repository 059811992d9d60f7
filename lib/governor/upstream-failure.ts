import "server-only";

/** What the governor needs to know about a failed upstream call, read from any error duck-typed. */
export type UpstreamFailure = {
  /** The HTTP status, or 0 when no answer came (network, timeout). */
  status: number;
  /** From the answer's Retry-After (429 and 503), in milliseconds. */
  retryAfterMs: number | undefined;
  /** Worth another attempt for an idempotent read: 429, 5xx, no answer. Never another 4xx. */
  retryable: boolean;
  /**
   * The failure says nothing about the request itself (budget, outage, unreadable answer), so the last
   * good answer may stand in for it. A 4xx other than 429 is definitive: it reaches the caller.
   */
  transient: boolean;
  /** Fathom's rate or concurrency limit: the class is paused for the Retry-After. */
  rateLimited: boolean;
};

const NO_ANSWER_NAMES = new Set(["AbortError", "TimeoutError"]);

/**
 * Reads `status: number` and `retryAfterSeconds?: number` (the Fathom client's FathomError; the client
 * has already parsed Retry-After from seconds or an HTTP date). Errors without a status count as "no
 * answer" only when they look like one (status 0, an abort or timeout); anything else is a bug, not retried.
 */
export function describeFailure(error: unknown): UpstreamFailure {
  const record = (typeof error === "object" && error !== null ? error : {}) as {
    status?: unknown;
    retryAfterSeconds?: unknown;
    name?: unknown;
    kind?: unknown;
  };
  const retryAfterMs =
    typeof record.retryAfterSeconds === "number" && Number.isFinite(record.retryAfterSeconds) && record.retryAfterSeconds >= 0
      ? record.retryAfterSeconds * 1000
      : undefined;
  if (typeof record.status === "number") {
    const status = record.status;
    if (status === 429) return { status, retryAfterMs, retryable: true, transient: true, rateLimited: true };
    // A request that timed out is not sent again at once: a hang tends to repeat, and the caller's time is gone.
    if (record.kind === "timeout") return { status, retryAfterMs, retryable: false, transient: true, rateLimited: false };
    if (status >= 500 || status === 0) return { status, retryAfterMs, retryable: true, transient: true, rateLimited: false };
    if (status >= 400) return { status, retryAfterMs: undefined, retryable: false, transient: false, rateLimited: false };
    // A 2xx whose body could not be read: trying again would read the same thing.
    return { status, retryAfterMs: undefined, retryable: false, transient: true, rateLimited: false };
  }
  const noAnswer = typeof record.name === "string" && NO_ANSWER_NAMES.has(record.name);
  return { status: 0, retryAfterMs: undefined, retryable: noAnswer && record.name !== "TimeoutError", transient: noAnswer, rateLimited: false };
}
