import "server-only";
import type { RequestClass } from "./budget-state";

/** A class's limit: at most `capacity` requests in any `windowMs`. */
export type BucketLimit = { capacity: number; windowMs: number };

export type BucketLevel = {
  capacity: number;
  available: number;
  windowMs: number;
  /** When the earliest spent request comes back (epoch ms), or null when none is spent. */
  nextTokenAt: number | null;
  /** While an upstream Retry-After runs, the class is paused until then (epoch ms). */
  pausedUntil: number | null;
};

export type TakeResult = { ok: true } | { ok: false; retryInMs: number };

/**
 * The budget shared by every request of the process: a bucket per rate-limit class and a cap on requests
 * in flight. Asynchronous and small so that a shared store (./redis-buckets.ts) can back several instances.
 */
export interface Buckets {
  /** Takes one request's worth of the class's budget, or says how long until one comes back. */
  tryTake(cls: RequestClass, now: number): Promise<TakeResult>;
  /** Milliseconds until the `n`-th next request of the class could be taken (n = 1: the next one). */
  estimateWaitMs(cls: RequestClass, n: number, now: number): Promise<number>;
  /** Takes nothing of the class before `until` (epoch ms): an upstream 429's Retry-After. */
  pause(cls: RequestClass, until: number): Promise<void>;
  level(cls: RequestClass, now: number): Promise<BucketLevel>;
  tryAcquireSlot(): Promise<boolean>;
  releaseSlot(): Promise<void>;
  slots(): Promise<{ max: number; inUse: number }>;
}

/**
 * Milliseconds until the `n`-th next request could be taken from a window whose spent requests (times,
 * oldest first, none older than the window) are `spent`. Shared by the in-process and the Redis buckets.
 */
export function waitForNth(spent: readonly number[], { capacity, windowMs }: BucketLimit, pausedUntil: number, n: number, now: number): number {
  const start = Math.max(now, pausedUntil);
  const available = capacity - spent.length;
  if (n <= available) return start - now;
  // Tokens come back in the order they were spent; the ones taken now come back a window from now.
  const index = n - available - 1;
  const cycle = Math.floor(index / capacity);
  const position = index % capacity;
  const back = (position < spent.length ? spent[position]! : now) + windowMs * (cycle + 1);
  return Math.max(back, start) - now;
}

/** The level of a window whose spent requests are `spent` (oldest first, pruned). */
export function levelOf(spent: readonly number[], { capacity, windowMs }: BucketLimit, pausedUntil: number, now: number): BucketLevel {
  const paused = pausedUntil > now ? pausedUntil : null;
  return {
    capacity,
    available: paused ? 0 : Math.max(0, capacity - spent.length),
    windowMs,
    nextTokenAt: spent.length > 0 ? spent[0]! + windowMs : null,
    pausedUntil: paused,
  };
}

/** Refuses a limit that would silently queue everything forever: say so at once instead. */
export function checkLimits(limits: Record<RequestClass, BucketLimit>, maxConcurrency: number): void {
  for (const [cls, { capacity, windowMs }] of Object.entries(limits)) {
    if (!Number.isInteger(capacity) || capacity <= 0 || !(windowMs > 0)) throw new Error(`Invalid ${cls} budget: ${capacity} per ${windowMs} ms`);
  }
  if (!Number.isInteger(maxConcurrency) || maxConcurrency <= 0) throw new Error(`Invalid concurrency cap: ${maxConcurrency}`);
}

/**
 * In-process buckets. Each class is a bucket of `capacity` tokens where a spent token comes back exactly
 * `windowMs` after it was spent (a sliding-window log). Unlike a bucket that refills continuously, this
 * never lets more than `capacity` requests into any window, which is how Fathom counts "10 a minute".
 */
export class MemoryBuckets implements Buckets {
  private readonly spent: Record<RequestClass, number[]> = { reports: [], management: [] };
  private readonly pausedUntil: Record<RequestClass, number> = { reports: 0, management: 0 };
  private inUse = 0;

  constructor(
    private readonly limits: Record<RequestClass, BucketLimit>,
    private readonly maxConcurrency: number,
  ) {
    checkLimits(limits, maxConcurrency);
  }

  async tryTake(cls: RequestClass, now: number): Promise<TakeResult> {
    const paused = this.pausedUntil[cls];
    if (paused > now) return { ok: false, retryInMs: paused - now };
    const spent = this.prune(cls, now);
    const { capacity, windowMs } = this.limits[cls];
    if (spent.length < capacity) {
      spent.push(now);
      return { ok: true };
    }
    return { ok: false, retryInMs: Math.max(1, spent[0]! + windowMs - now) };
  }

  async estimateWaitMs(cls: RequestClass, n: number, now: number): Promise<number> {
    return waitForNth(this.prune(cls, now), this.limits[cls], this.pausedUntil[cls], n, now);
  }

  async pause(cls: RequestClass, until: number): Promise<void> {
    this.pausedUntil[cls] = Math.max(this.pausedUntil[cls], until);
  }

  async level(cls: RequestClass, now: number): Promise<BucketLevel> {
    return levelOf(this.prune(cls, now), this.limits[cls], this.pausedUntil[cls], now);
  }

  async tryAcquireSlot(): Promise<boolean> {
    if (this.inUse >= this.maxConcurrency) return false;
    this.inUse++;
    return true;
  }

  async releaseSlot(): Promise<void> {
    this.inUse = Math.max(0, this.inUse - 1);
  }

  async slots() {
    return { max: this.maxConcurrency, inUse: this.inUse };
  }

  private prune(cls: RequestClass, now: number): number[] {
    const spent = this.spent[cls];
    const { windowMs } = this.limits[cls];
    while (spent.length > 0 && spent[0]! + windowMs <= now) spent.shift();
    return spent;
  }
}
