import "server-only";
import { vi } from "vitest";
import { MemoryAnswerCache, type AnswerCache } from "./answer-cache";
import type { Priority, RequestClass } from "./budget-state";
import { MemoryBuckets } from "./buckets";
import type { ReadRequest } from "./read-request";
import type { Freshness } from "./freshness";
import { Governor, type GovernorOptions } from "./governor";
import type { UsageStore } from "./usage-store";

/**
 * Helpers for the governor's unit tests: a fake clock (Vitest's fake timers drive the governor's
 * default clock), an upstream whose calls the test answers by hand, and errors shaped like FathomError.
 */
export const START = Date.parse("2026-03-10T12:00:00Z");

export function useFakeClock(at = START) {
  // setImmediate stays real: `settle()` uses it to let every pending promise run.
  vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout", "Date"], now: at });
}

/** Lets every queued promise callback run (the governor awaits its stores between decisions). */
export const settle = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * A persistent answer cache whose writes a test can wait for. The governor persists an answer without
 * waiting (a cache write never holds an answer back), so one setImmediate is not enough on PostgreSQL,
 * where a write is a round trip: a test of "after a restart" waits for the writes the first run made.
 */
export function awaitableWrites(cache: AnswerCache): AnswerCache & { written(): Promise<void> } {
  const pending: Promise<unknown>[] = [];
  return {
    get: (key) => cache.get(key),
    set: (answer) => {
      const write = cache.set(answer);
      pending.push(write);
      return write;
    },
    delete: (key) => cache.delete(key),
    deleteByTag: (tag) => cache.deleteByTag(tag),
    prune: (expiredBefore) => cache.prune(expiredBefore),
    written: async () => {
      await Promise.allSettled(pending);
    },
  };
}

/** Moves the fake clock on, running due timers, then settles. */
export async function advance(ms: number) {
  await vi.advanceTimersByTimeAsync(ms);
  await settle();
}

/** An error shaped like the Fathom client's: `status` and, for 429/503, `retryAfterSeconds`. */
export class FakeUpstreamError extends Error {
  constructor(
    readonly status: number,
    readonly retryAfterSeconds?: number,
  ) {
    super(`upstream ${status}`);
  }
}

type Call = { key: string; resolve: (value: unknown) => void; reject: (error: unknown) => void };

/** An upstream that records each call and leaves it pending until the test answers it. */
export class ManualUpstream {
  readonly calls: Call[] = [];

  fetcher(key: string) {
    return () =>
      new Promise<unknown>((resolve, reject) => {
        this.calls.push({ key, resolve, reject });
      });
  }

  get count() {
    return this.calls.length;
  }

  keys() {
    return this.calls.map((call) => call.key);
  }

  /** Answers the oldest unanswered call. */
  async answer(value: unknown) {
    this.next().resolve(value);
    await settle();
  }

  /** Answers the oldest unanswered call for a key. */
  async answerFor(key: string, value: unknown) {
    const call = this.calls.find((candidate, index) => candidate.key === key && !this.done.has(index));
    if (!call) throw new Error(`no pending upstream call for ${key}`);
    this.done.add(this.calls.indexOf(call));
    call.resolve(value);
    await settle();
  }

  async fail(error: unknown) {
    this.next().reject(error);
    await settle();
  }

  private readonly done = new Set<number>();
  private next(): Call {
    const index = this.calls.findIndex((_call, i) => !this.done.has(i));
    if (index < 0) throw new Error("no pending upstream call");
    this.done.add(index);
    return this.calls[index]!;
  }
}

export type TestGovernorOptions = Partial<GovernorOptions> & {
  reportsPerMinute?: number;
  managementPerHour?: number;
  maxConcurrency?: number;
  persistent?: AnswerCache;
  usage?: UsageStore;
};

export async function testGovernor(options: TestGovernorOptions = {}) {
  const buckets =
    options.buckets ??
    new MemoryBuckets(
      {
        reports: { capacity: options.reportsPerMinute ?? 10, windowMs: 60_000 },
        management: { capacity: options.managementPerHour ?? 2000, windowMs: 3_600_000 },
      },
      options.maxConcurrency ?? 5,
    );
  const memory = options.memory ?? new MemoryAnswerCache();
  // No fold window unless a test asks for one: most tests drive the clock by hand and expect a read to be sent at once.
  const governor = await Governor.create({ random: () => 0.5, onError: () => undefined, foldWindowMs: 0, ...options, buckets, memory });
  return { governor, buckets, memory };
}

/** A read request with test defaults: reports class, interactive, open period (60 s), not persisted. */
export function readOf(
  upstream: ManualUpstream,
  key: string,
  extra: Partial<Omit<ReadRequest<unknown>, "key">> & { priority?: Priority; cls?: RequestClass } = {},
): ReadRequest<unknown> {
  return {
    key,
    cls: "reports",
    priority: "interactive",
    freshness: { ttlMs: 60_000, persist: false },
    fetch: upstream.fetcher(key),
    ...extra,
  };
}

/**
 * A test governor with one read of "k" (reports class, interactive) already sent upstream and not yet
 * answered: the test answers or fails it through `upstream`, and `read` records how it ended.
 */
export async function readInFlight(options: TestGovernorOptions = {}) {
  const { governor } = await testGovernor(options);
  const upstream = new ManualUpstream();
  const read = track(governor.read(readOf(upstream, "k")));
  await settle();
  return { governor, upstream, read };
}

/** Gives the governor a good answer to keep: one read of `key` with `freshness`, answered with `value`. */
export async function cacheAnswer(governor: Governor, upstream: ManualUpstream, key: string, value: unknown, freshness: Freshness) {
  void governor.read(readOf(upstream, key, { freshness }));
  await settle();
  await upstream.answer(value);
}

/** Starts a read and records how it ended, without awaiting it. */
export function track<T>(promise: Promise<T>) {
  const outcome: { value?: T; error?: unknown; done: boolean } = { done: false };
  promise.then(
    (value) => Object.assign(outcome, { value, done: true }),
    (error) => Object.assign(outcome, { error, done: true }),
  );
  return outcome;
}
