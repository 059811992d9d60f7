/**
 * Fathom's limits: aggregations and current visitors share a per-minute budget, everything else a
 * per-hour one (fixed windows that start with the first request, as Laravel's throttle counts), and
 * only so many requests may be in flight at once. Refused requests do not use up the budget.
 */
import { z } from "zod";

export const rateLimitsSchema = z.object({
  reportsPerMinute: z.number().int().positive(),
  otherPerHour: z.number().int().positive(),
  concurrency: z.number().int().positive(),
});
export type RateLimits = z.infer<typeof rateLimitsSchema>;
export type RateClass = "reports" | "other";

export const FATHOM_LIMITS: RateLimits = { reportsPerMinute: 10, otherPerHour: 2000, concurrency: 5 };

export type RateVerdict = { allowed: true; limit: number; remaining: number } | { allowed: false; limit: number; retryAfter: number };

export class RateLimiter {
  private windows = new Map<RateClass, { count: number; resetAt: number }>();

  constructor(private limits: RateLimits | false) {}

  get current(): RateLimits | false {
    return this.limits;
  }

  setLimits(limits: RateLimits | false): void {
    this.limits = limits;
  }

  reset(): void {
    this.windows.clear();
  }

  /** Counts a request of `kind` at `nowMs`, or says how many seconds to wait. */
  hit(kind: RateClass, nowMs: number): RateVerdict {
    if (!this.limits) return { allowed: true, limit: Infinity, remaining: Infinity };
    const limit = kind === "reports" ? this.limits.reportsPerMinute : this.limits.otherPerHour;
    const span = kind === "reports" ? 60_000 : 3_600_000;
    let window = this.windows.get(kind);
    if (!window || nowMs >= window.resetAt) this.windows.set(kind, (window = { count: 0, resetAt: nowMs + span }));
    if (window.count >= limit) return { allowed: false, limit, retryAfter: Math.max(1, Math.ceil((window.resetAt - nowMs) / 1000)) };
    window.count++;
    return { allowed: true, limit, remaining: limit - window.count };
  }
}

/** The 429 body Fathom sends when too many requests are in flight. */
export function concurrencyBody(limit: number) {
  return {
    error: {
      code: "api_concurrency_limit_reached",
      message: `You have too many API requests in flight at once. Your current API plan allows up to ${limit} concurrent requests. Wait for some to finish, or upgrade to Tier 3 for 10 concurrent requests at $39/mo. See https://usefathom.com/api/v1/rate-limits for details.`,
      limit,
      next_tier: { name: "Tier 3", concurrent_queries: 10, price: "$39/mo" },
    },
  };
}
