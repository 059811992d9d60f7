import "server-only";
import type { CachedAnswer } from "./answer-cache";
import type { BudgetState, Priority, RequestClass } from "./budget-state";
import type { Freshness } from "./freshness";

/** How long a caller of a priority waits for a fresh answer: at most `deadlineMs`, or `staleWaitMs` when a last good answer exists. */
export type WaitPolicy = { deadlineMs: number; staleWaitMs: number };

export const DEFAULT_WAITS: Record<Priority, WaitPolicy> = {
  interactive: { deadlineMs: 20_000, staleWaitMs: 5_000 },
  share: { deadlineMs: 15_000, staleWaitMs: 3_000 },
  poll: { deadlineMs: 10_000, staleWaitMs: 2_000 },
};

export type ReadRequest<T> = {
  /** Canonical key (`requestKey`): identical requests share one upstream call and one cached answer. */
  key: string;
  cls: RequestClass;
  priority: Priority;
  freshness: Freshness;
  /** Handles for `invalidate`, e.g. `site:CDBUGS:milestones`. */
  tags?: readonly string[];
  fetch: () => Promise<T>;
  /** Who it is for (fair shares); the route's actor when unset (see ./actor). */
  actor?: string;
  /**
   * Where the answer is kept and looked up, when the answers of several keys are kept as one (query
   * folding, ./folding.ts: every aggregation that differs only in its aggregates shares one entry). Default `key`.
   */
  cacheKey?: string;
  /**
   * Whether a kept answer can answer this request, as fresh or as stale (folding: it holds every column
   * asked for). Needed once `cacheKey` is shared: an entry may have been kept by a request that asked for less.
   * Default: any kept answer can.
   */
  accepts?: (answer: CachedAnswer) => boolean;
  /**
   * Whether this request's answer may replace a still fresh answer kept under `cacheKey` (folding: not when
   * the kept one has columns this one lacks, so a narrow answer landing late does not throw a wide one away).
   * Default: it may.
   */
  displaces?: (kept: CachedAnswer) => boolean;
};

/** The counters behind the budget state's `cache` figures (its ratio and size are derived when reported). */
export type ReadStats = Omit<BudgetState["cache"], "hitRatio" | "entries">;
