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
 * in flight. Asynchronous and small so that a shared store (Redis) can back several instances later.
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
    // A missing limit would silently queue everything forever; say so at once instead.
    for (const [cls, { capacity, windowMs }] of Object.entries(limits)) {
      if (!Number.isInteger(capacity) || capacity <= 0 || !(windowMs > 0)) throw new Error(`Invalid ${cls} budget: ${capacity} per ${windowMs} ms`);
    }
    if (!Number.isInteger(maxConcurrency) || maxConcurrency <= 0) throw new Error(`Invalid concurrency cap: ${maxConcurrency}`);
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
    const spent = this.prune(cls, now);
    const { capacity, windowMs } = this.limits[cls];
    const start = Math.max(now, this.pausedUntil[cls]);
    const available = capacity - spent.length;
    if (n <= available) return start - now;
    // Tokens come back in the order they were spent; the ones taken now come back a window from now.
    const index = n - available - 1;
    const cycle = Math.floor(index / capacity);
    const position = index % capacity;
    const back = (position < spent.length ? spent[position]! : now) + windowMs * (cycle + 1);
    return Math.max(back, start) - now;
  }

  async pause(cls: RequestClass, until: number): Promise<void> {
    this.pausedUntil[cls] = Math.max(this.pausedUntil[cls], until);
  }

  async level(cls: RequestClass, now: number): Promise<BucketLevel> {
    const spent = this.prune(cls, now);
    const { capacity, windowMs } = this.limits[cls];
    const paused = this.pausedUntil[cls] > now ? this.pausedUntil[cls] : null;
    return {
      capacity,
      available: paused ? 0 : capacity - spent.length,
      windowMs,
      nextTokenAt: spent.length > 0 ? spent[0]! + windowMs : null,
      pausedUntil: paused,
    };
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
