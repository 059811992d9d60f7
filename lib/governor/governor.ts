import "server-only";
import { ApiError } from "@/lib/api/errors";
import type { AnswerMeta, Governed } from "./answer-meta";
import { MemoryAnswerCache, type AnswerCache, type CachedAnswer } from "./answer-cache";
import { REQUEST_CLASSES, type BudgetState, type ClassState, type Priority, type RequestClass } from "./budget-state";
import type { BucketLevel, Buckets } from "./buckets";
import { systemClock, type Clock } from "./clock";
import type { Freshness } from "./freshness";
import { Scheduler, type Job } from "./scheduler";
import { describeFailure, type UpstreamFailure } from "./upstream-failure";
import { MemoryUsageStore, UsageCounter, type UsageStore } from "./usage-store";

/** How long a caller of a priority waits for a fresh answer: at most `deadlineMs`, or `staleWaitMs` when a last good answer exists. */
export type WaitPolicy = { deadlineMs: number; staleWaitMs: number };

export const DEFAULT_WAITS: Record<Priority, WaitPolicy> = {
  interactive: { deadlineMs: 20_000, staleWaitMs: 5_000 },
  share: { deadlineMs: 15_000, staleWaitMs: 3_000 },
  poll: { deadlineMs: 10_000, staleWaitMs: 2_000 },
};

export type GovernorOptions = {
  buckets: Buckets;
  /** The in-process cache every answer goes to (default: 5,000 answers). */
  memory?: MemoryAnswerCache;
  /** Where answers marked `persist` also go, so they outlive the process (SQLite by default). */
  persistent?: AnswerCache;
  usage?: UsageStore;
  clock?: Clock;
  /** In [0, 1); jitters retry delays. */
  random?: () => number;
  /** Further attempts after a failed idempotent read (429, 5xx, no answer). Default 2. */
  maxRetries?: number;
  /** First retry delay without a Retry-After, doubled each time, ±50 % jitter. Default 1 s. */
  retryBaseMs?: number;
  waits?: Partial<Record<Priority, WaitPolicy>>;
  /** How long an expired answer is kept to be served stale. Default 7 days. */
  staleRetentionMs?: number;
  onError?: (context: string, error: unknown) => void;
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
};

export type WriteRequest<T> = {
  cls?: RequestClass;
  priority?: Priority;
  run: () => Promise<T>;
  /** Tags whose cached answers the write makes wrong; dropped once it succeeds. */
  invalidates?: readonly string[];
};

type Waiter = {
  shared: boolean;
  deadlineAt: number;
  timer: unknown;
  resolve: (answer: Governed<unknown>) => void;
  reject: (error: unknown) => void;
};

type Flight = {
  key: string;
  cls: RequestClass;
  freshness: Freshness;
  tags: readonly string[];
  fetch: () => Promise<unknown>;
  job: Job;
  phase: "queued" | "running" | "backoff" | "done";
  waiters: Set<Waiter>;
  stale: CachedAnswer | undefined;
  attempts: number;
  /** Set when a write invalidated one of its tags while it ran: its answer is handed out, not kept. */
  noStore: boolean;
  retryTimer: unknown;
};

const iso = (ms: number) => new Date(ms).toISOString();
const PRUNE_EVERY_MS = 60 * 60_000;

/**
 * Every upstream call of the process goes through here: fresh answers come from the cache, identical
 * concurrent misses share one call, the rest wait in a priority queue for the class's budget and a
 * concurrency slot. What cannot be served in time gets the last good answer marked stale, or a 429 with
 * `retryAfter`. Knows nothing of Fathom's HTTP: callers pass a key, a freshness and a fetch function.
 */
export class Governor {
  private readonly memory: MemoryAnswerCache;
  private readonly persistent: AnswerCache | undefined;
  private readonly clock: Clock;
  private readonly random: () => number;
  private readonly maxRetries: number;
  private readonly retryBaseMs: number;
  private readonly waits: Record<Priority, WaitPolicy>;
  private readonly staleRetentionMs: number;
  private readonly onError: (context: string, error: unknown) => void;
  private readonly scheduler: Scheduler;
  private readonly flights = new Map<string, Flight>();
  private readonly stats = { requests: 0, hits: 0, shared: 0, stale: 0, rejected: 0 };
  private lastPrune: number;

  private constructor(
    private readonly buckets: Buckets,
    private readonly usage: UsageCounter,
    options: GovernorOptions,
  ) {
    this.memory = options.memory ?? new MemoryAnswerCache();
    this.persistent = options.persistent;
    this.clock = options.clock ?? systemClock;
    this.random = options.random ?? Math.random;
    this.maxRetries = options.maxRetries ?? 2;
    this.retryBaseMs = options.retryBaseMs ?? 1000;
    this.waits = { ...DEFAULT_WAITS, ...options.waits };
    this.staleRetentionMs = options.staleRetentionMs ?? 7 * 24 * 60 * 60_000;
    this.onError = options.onError ?? ((context, error) => console.error(`[sounding] governor: ${context}`, error));
    this.scheduler = new Scheduler(buckets, this.clock, (error) => this.onError("budget store failed", error));
    this.lastPrune = this.clock.now();
  }

  /** Builds a governor; upstream counts already persisted in `usage` are loaded first. */
  static async create(options: GovernorOptions): Promise<Governor> {
    const clock = options.clock ?? systemClock;
    const onError = options.onError ?? ((context: string, error: unknown) => console.error(`[sounding] governor: ${context}`, error));
    const usage = await UsageCounter.load(options.usage ?? new MemoryUsageStore(), clock.now(), (error) =>
      onError("could not record upstream usage", error),
    );
    return new Governor(options.buckets, usage, { ...options, clock, onError });
  }

  /** A governed idempotent read. */
  async read<T>(request: ReadRequest<T>): Promise<Governed<T>> {
    this.stats.requests++;
    const { key } = request;
    let known = this.memory.peek(key);
    if (known && this.isFresh(known)) return this.hit<T>(known);

    if (!this.flights.has(key) && request.freshness.persist && this.persistent) {
      const stored = await this.persistent.get(key).catch((error) => this.onError("could not read the answer cache", error));
      known = this.memory.peek(key);
      if (stored && (!known || stored.fetchedAt > known.fetchedAt)) this.memory.put((known = stored));
      if (known && this.isFresh(known)) return this.hit<T>(known);
    }

    let flight = this.flights.get(key);
    if (!flight) {
      const waitMs = await this.scheduler.estimateWaitMs(request.cls, request.priority).catch(() => 0);
      known = this.memory.peek(key) ?? known;
      if (known && this.isFresh(known)) return this.hit<T>(known);
      flight = this.flights.get(key);
      if (!flight) {
        if (waitMs > this.allowedWaitMs(request.priority, known)) return this.fallback<T>(known, waitMs);
        flight = this.launch(request, known);
        const answer = this.join<T>(flight, request.priority, known, false);
        this.scheduler.enqueue(flight.job); // after join: the scheduler only spends budget on a wanted job
        return answer;
      }
    }
    return this.join<T>(flight, request.priority, known, true);
  }

  /** A governed write: through the budget, never cached nor retried; drops the tags it invalidates. */
  async write<T>({ cls = "management", priority = "interactive", run, invalidates = [] }: WriteRequest<T>): Promise<T> {
    const deadlineMs = this.waits[priority].deadlineMs;
    const waitMs = await this.scheduler.estimateWaitMs(cls, priority).catch(() => 0);
    if (waitMs > deadlineMs) throw budgetError(waitMs);
    return new Promise<T>((resolve, reject) => {
      const job: Job = {
        cls,
        priority,
        seq: this.scheduler.nextSeq(),
        start: (release) => {
          this.clock.clearTimeout(timer);
          this.usage.record(cls, this.clock.now());
          run().then(
            async (value) => {
              release();
              await this.invalidate(...invalidates);
              resolve(value);
            },
            (error) => {
              release();
              const failure = describeFailure(error);
              if (failure.rateLimited) void this.pauseClass(cls, failure);
              reject(failure.rateLimited ? rateLimitedError(failure) : error);
            },
          );
        },
      };
      const timer = this.clock.setTimeout(() => {
        if (!this.scheduler.remove(job)) return;
        this.scheduler.estimateWaitMs(cls, priority).then(
          (ms) => reject(budgetError(ms)),
          () => reject(budgetError(deadlineMs)),
        );
      }, deadlineMs);
      this.scheduler.enqueue(job);
    });
  }

  /** Drops every answer carrying one of the tags; calls in flight for them are answered but not kept. */
  async invalidate(...tags: string[]): Promise<void> {
    for (const tag of tags) {
      this.memory.removeTag(tag);
      for (const flight of this.flights.values()) {
        if (flight.tags.includes(tag)) {
          flight.noStore = true;
          this.flights.delete(flight.key);
        }
      }
    }
    if (!this.persistent) return;
    await Promise.all(tags.map((tag) => this.persistent!.deleteByTag(tag))).catch((error) =>
      this.onError("could not invalidate the answer cache", error),
    );
  }

  /** The budget of a class right now (for callers that adapt, such as the current-visitors interval). */
  level(cls: RequestClass): Promise<BucketLevel> {
    return this.buckets.level(cls, this.clock.now());
  }

  /** Requests of a class waiting for the budget, by priority. */
  queued(cls: RequestClass): Record<Priority, number> {
    return this.scheduler.queued(cls);
  }

  async state(): Promise<BudgetState> {
    const now = this.clock.now();
    const classes = {} as Record<RequestClass, ClassState>;
    for (const cls of REQUEST_CLASSES) {
      const level = await this.buckets.level(cls, now);
      classes[cls] = {
        capacity: level.capacity,
        available: level.available,
        windowSeconds: level.windowMs / 1000,
        nextTokenAt: level.nextTokenAt === null ? null : iso(level.nextTokenAt),
        pausedUntil: level.pausedUntil === null ? null : iso(level.pausedUntil),
        queued: this.scheduler.queued(cls),
        upstream: this.usage.snapshot(cls, now),
      };
    }
    const slots = await this.buckets.slots();
    const { requests, hits, shared, stale, rejected } = this.stats;
    return {
      at: iso(now),
      classes,
      concurrency: { max: slots.max, inFlight: slots.inUse },
      cache: { requests, hits, shared, stale, rejected, hitRatio: requests ? (hits + shared) / requests : 0, entries: this.memory.size },
    };
  }

  private isFresh(answer: CachedAnswer) {
    return answer.expiresAt > this.clock.now();
  }

  private allowedWaitMs(priority: Priority, stale: CachedAnswer | undefined) {
    const policy = this.waits[priority];
    return stale ? policy.staleWaitMs : policy.deadlineMs;
  }

  private hit<T>(answer: CachedAnswer): Governed<T> {
    this.stats.hits++;
    return { data: answer.value as T, meta: meta(answer, { cached: true, stale: false, shared: false }) };
  }

  private fallback<T>(stale: CachedAnswer | undefined, waitMs: number): Governed<T> {
    if (stale) return this.staleAnswer<T>(stale);
    this.stats.rejected++;
    throw budgetError(waitMs);
  }

  private staleAnswer<T>(answer: CachedAnswer): Governed<T> {
    this.stats.stale++;
    return { data: answer.value as T, meta: meta(answer, { cached: true, stale: true, shared: false }) };
  }

  private launch(request: ReadRequest<unknown>, stale: CachedAnswer | undefined): Flight {
    const flight: Flight = {
      key: request.key,
      cls: request.cls,
      freshness: request.freshness,
      tags: request.tags ?? [],
      fetch: request.fetch,
      phase: "queued",
      waiters: new Set(),
      stale,
      attempts: 0,
      noStore: false,
      retryTimer: null,
      job: {
        cls: request.cls,
        priority: request.priority,
        seq: this.scheduler.nextSeq(),
        start: (release) => this.run(flight, release),
        wanted: () => flight.waiters.size > 0,
        dropped: () => this.forget(flight),
      },
    };
    this.flights.set(flight.key, flight);
    return flight;
  }

  private join<T>(flight: Flight, priority: Priority, stale: CachedAnswer | undefined, shared: boolean): Promise<Governed<T>> {
    if (stale && (!flight.stale || stale.fetchedAt > flight.stale.fetchedAt)) flight.stale = stale;
    this.scheduler.raise(flight.job, priority);
    const waitMs = this.allowedWaitMs(priority, flight.stale);
    return new Promise<Governed<T>>((resolve, reject) => {
      const waiter: Waiter = {
        shared,
        deadlineAt: this.clock.now() + waitMs,
        timer: null,
        resolve: resolve as (answer: Governed<unknown>) => void,
        reject,
      };
      waiter.timer = this.clock.setTimeout(() => this.expire(flight, waiter, priority), waitMs);
      flight.waiters.add(waiter);
    });
  }

  /** A caller's deadline passed before its answer came: the last good answer, or a 429. */
  private expire(flight: Flight, waiter: Waiter, priority: Priority) {
    if (!flight.waiters.delete(waiter)) return;
    if (flight.waiters.size === 0) this.abandon(flight);
    if (flight.stale) {
      waiter.resolve(this.staleAnswer(flight.stale));
      return;
    }
    this.stats.rejected++;
    this.scheduler.estimateWaitMs(flight.cls, priority).then(
      (ms) => waiter.reject(budgetError(ms)),
      () => waiter.reject(budgetError(this.retryBaseMs)),
    );
  }

  /** Nobody waits any more: a call not yet sent is not sent. One already on its way still fills the cache. */
  private abandon(flight: Flight) {
    // A job the scheduler is admitting right now is not in its queue: it asks `wanted()` before spending.
    const unsent = flight.phase === "backoff" || (flight.phase === "queued" && this.scheduler.remove(flight.job));
    if (unsent) this.forget(flight);
  }

  private forget(flight: Flight) {
    this.clock.clearTimeout(flight.retryTimer);
    flight.phase = "done";
    if (this.flights.get(flight.key) === flight) this.flights.delete(flight.key);
  }

  private run(flight: Flight, release: () => void) {
    if (flight.phase === "done") return release();
    flight.phase = "running";
    flight.attempts++;
    this.usage.record(flight.cls, this.clock.now());
    let attempt: Promise<unknown>;
    try {
      attempt = flight.fetch();
    } catch (error) {
      attempt = Promise.reject(error);
    }
    attempt.then(
      (value) => {
        release();
        this.succeed(flight, value);
      },
      (error) => {
        release();
        this.fail(flight, error);
      },
    );
  }

  private succeed(flight: Flight, value: unknown) {
    const now = this.clock.now();
    const answer: CachedAnswer = { key: flight.key, value, fetchedAt: now, expiresAt: now + flight.freshness.ttlMs, tags: flight.tags };
    if (!flight.noStore) {
      this.memory.put(answer);
      if (flight.freshness.persist && this.persistent) {
        this.persistent.set(answer).catch((error) => this.onError("could not persist an answer", error));
      }
    }
    this.settle(flight, (waiter) => {
      if (waiter.shared) this.stats.shared++;
      waiter.resolve({ data: value, meta: meta(answer, { cached: false, stale: false, shared: waiter.shared }) });
    });
    this.pruneNow(now);
  }

  private fail(flight: Flight, error: unknown) {
    const failure = describeFailure(error);
    if (failure.rateLimited) void this.pauseClass(flight.cls, failure);
    if (failure.retryable && flight.attempts <= this.maxRetries && flight.waiters.size > 0 && flight.phase !== "done") {
      const delay = this.retryDelayMs(flight.attempts, failure);
      const latest = Math.max(...[...flight.waiters].map((waiter) => waiter.deadlineAt));
      if (this.clock.now() + delay < latest) {
        flight.phase = "backoff";
        flight.retryTimer = this.clock.setTimeout(() => {
          flight.retryTimer = null;
          if (flight.phase !== "backoff") return;
          flight.phase = "queued";
          this.scheduler.enqueue(flight.job);
        }, delay);
        return;
      }
    }
    this.settle(flight, (waiter) => {
      if (failure.transient && flight.stale) waiter.resolve(this.staleAnswer(flight.stale));
      else {
        if (failure.rateLimited) this.stats.rejected++;
        waiter.reject(failure.rateLimited ? rateLimitedError(failure) : error);
      }
    });
  }

  private settle(flight: Flight, answer: (waiter: Waiter) => void) {
    flight.phase = "done";
    if (this.flights.get(flight.key) === flight) this.flights.delete(flight.key);
    const waiters = [...flight.waiters];
    flight.waiters.clear();
    for (const waiter of waiters) {
      this.clock.clearTimeout(waiter.timer);
      answer(waiter);
    }
  }

  /** Retry-After when the answer gave one (plus up to 10 % jitter), else exponential backoff with ±50 % jitter. */
  private retryDelayMs(attempt: number, failure: UpstreamFailure) {
    if (failure.retryAfterMs !== undefined) return failure.retryAfterMs + this.random() * 0.1 * this.retryBaseMs;
    return this.retryBaseMs * 2 ** (attempt - 1) * (0.5 + this.random());
  }

  private async pauseClass(cls: RequestClass, failure: UpstreamFailure) {
    const pauseMs = failure.retryAfterMs ?? this.retryBaseMs;
    await this.buckets.pause(cls, this.clock.now() + pauseMs).catch((error) => this.onError("could not pause a bucket", error));
  }

  private pruneNow(now: number) {
    if (now - this.lastPrune < PRUNE_EVERY_MS) return;
    this.lastPrune = now;
    const before = now - this.staleRetentionMs;
    void this.memory.prune(before);
    this.persistent?.prune(before).catch((error) => this.onError("could not prune the answer cache", error));
  }
}

function meta(answer: CachedAnswer, flags: Pick<AnswerMeta, "cached" | "stale" | "shared">): AnswerMeta {
  return { fetchedAt: iso(answer.fetchedAt), freshUntil: iso(answer.expiresAt), ...flags };
}

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
function rateLimitedError(failure: UpstreamFailure): ApiError {
  const retryAfter = seconds(failure.retryAfterMs ?? 1000);
  return new ApiError(429, "upstream_rate_limited", `Fathom asked Sounding to slow down; try again in ${retryAfter} s.`, { retryAfter });
}
