import "server-only";
import type { Governed } from "./answer-meta";
import { MemoryAnswerCache, type AnswerCache, type CachedAnswer } from "./answer-cache";
import { REQUEST_CLASSES, type BudgetState, type ClassState, type Priority, type RequestClass } from "./budget-state";
import { beforeSending } from "@/lib/api/errors";
import { currentActor } from "./actor";
import { budgetError, rateLimitedError, sharedBudgetUnreachableError, upstreamDownError } from "./budget-errors";
import type { BucketLevel, Buckets } from "./buckets";
import { systemClock, type Clock } from "./clock";
import { ClusterReads, unreachable } from "./cluster-reads";
import { answerMeta, Flights } from "./flights";
import { Folding } from "./folding";
import { KeptAnswers } from "./kept-answers";
import { DEFAULT_WAITS, type ReadRequest, type ReadStats, type WaitPolicy } from "./read-request";
import { Scheduler, type FairShare, type Job } from "./scheduler";
import type { SharedAnswers } from "./shared-answers";
import { describeFailure, type UpstreamFailure } from "./upstream-failure";
import { DEFAULT_HEALTH, failureNote, UpstreamHealth, type Admission, type HealthOptions } from "./upstream-health";
import { MemoryUsageStore, UsageCounter, type UsageStore } from "./usage-store";

export type GovernorOptions = {
  buckets: Buckets;
  /** The in-process cache every answer goes to (default: 5,000 answers). */
  memory?: MemoryAnswerCache;
  /** Where answers marked `persist` also go, so they outlive the process (SQLite by default). */
  persistent?: AnswerCache;
  /**
   * Answers and upstream calls shared with the deployment's other instances (Redis): every answer is kept
   * there too, and a read another instance is already fetching waits for its answer instead of asking again.
   */
  shared?: SharedAnswers;
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
  /** Share the budget fairly between actors (see Scheduler). Unset: first come, first served. */
  fairShare?: FairShare;
  /** The circuit breaker's threshold and cool-downs (see UpstreamHealth). */
  health?: Partial<HealthOptions>;
  /** How long Fathom's "not found" is remembered for a read, so repeating it costs nothing. Default 30 s. */
  notFoundTtlMs?: number;
  /** How long a foldable read waits for others to fold with it (see Folding). Default 25 ms; 0 sends at once. */
  foldWindowMs?: number;
};

export type WriteRequest<T> = {
  cls?: RequestClass;
  priority?: Priority;
  run: () => Promise<T>;
  /** Tags whose cached answers the write makes wrong; dropped once it succeeds. */
  invalidates?: readonly string[];
};

const iso = (ms: number) => new Date(ms).toISOString();
const PRUNE_EVERY_MS = 60 * 60_000;
const MAX_NOT_FOUND = 1_000;

type NotFound = { error: unknown; until: number; tags: readonly string[] };
const logToConsole = (context: string, error: unknown) => console.error(`[sounding] governor: ${context}`, error);

/**
 * Every upstream call of the process goes through here: fresh answers come from the cache, identical
 * concurrent misses share one call, the rest wait in a priority queue for the class's budget and a
 * concurrency slot. What cannot be served in time gets the last good answer marked stale, or a 429 with
 * `retryAfter`. Knows nothing of Fathom's HTTP: callers pass a key, a freshness and a fetch function.
 */
export class Governor {
  private readonly memory: MemoryAnswerCache;
  private readonly kept: KeptAnswers;
  private readonly persistent: AnswerCache | undefined;
  private readonly shared: SharedAnswers | undefined;
  private readonly clock: Clock;
  private readonly retryBaseMs: number;
  private readonly waits: Record<Priority, WaitPolicy>;
  private readonly staleRetentionMs: number;
  private readonly onError: (context: string, error: unknown) => void;
  private readonly scheduler: Scheduler;
  private readonly flights: Flights;
  private readonly stats: ReadStats = { requests: 0, hits: 0, shared: 0, stale: 0, rejected: 0 };
  private readonly health: UpstreamHealth;
  private readonly notFound = new Map<string, NotFound>();
  private readonly notFoundTtlMs: number;
  private lastPrune: number;
  /** Reads across the deployment's instances, when answers are shared (see ClusterReads). */
  private readonly cluster: ClusterReads | undefined;
  /** Reads that differ only in their columns, fetched as one (query folding); process-wide like the governor. */
  readonly folding: Folding;

  private constructor(
    private readonly buckets: Buckets,
    private readonly usage: UsageCounter,
    options: GovernorOptions,
  ) {
    this.memory = options.memory ?? new MemoryAnswerCache();
    this.persistent = options.persistent;
    this.shared = options.shared;
    this.clock = options.clock ?? systemClock;
    this.retryBaseMs = options.retryBaseMs ?? 1000;
    this.waits = { ...DEFAULT_WAITS, ...options.waits };
    this.staleRetentionMs = options.staleRetentionMs ?? 7 * 24 * 60 * 60_000;
    this.onError = options.onError ?? logToConsole;
    this.scheduler = new Scheduler(buckets, this.clock, (error) => this.onError("budget store failed", error), options.fairShare);
    this.health = new UpstreamHealth(this.clock, { ...DEFAULT_HEALTH, ...options.health });
    this.notFoundTtlMs = options.notFoundTtlMs ?? 30_000;
    this.lastPrune = this.clock.now();
    this.kept = new KeptAnswers(this.memory, this.persistent, this.clock, this.onError, this.shared);
    this.folding = new Folding(this, this.kept, this.clock, options.foldWindowMs ?? 25);
    this.flights = new Flights({
      memory: this.memory,
      persistent: this.persistent,
      shared: this.shared,
      clock: this.clock,
      random: options.random ?? Math.random,
      scheduler: this.scheduler,
      usage,
      waits: this.waits,
      maxRetries: options.maxRetries ?? 2,
      retryBaseMs: this.retryBaseMs,
      stats: this.stats,
      pauseClass: (cls, failure) => this.pauseClass(cls, failure),
      health: this.health,
      notFound: (key, tags, error) => this.rememberNotFound(key, tags, error),
      afterSuccess: (now) => this.pruneNow(now),
      onError: this.onError,
    });
    if (this.shared) {
      const { flights, kept, stats, health, clock, onError } = this;
      this.cluster = new ClusterReads({ shared: this.shared, flights, kept, stats, health, clock, onError });
    }
    // Another instance's write made answers wrong: drop them here too (its shared copies are gone already).
    this.shared?.onInvalidate((tag) => this.forgetTag(tag));
  }

  /** Builds a governor; upstream counts already persisted in `usage` are loaded first. */
  static async create(options: GovernorOptions): Promise<Governor> {
    const clock = options.clock ?? systemClock;
    const onError = options.onError ?? logToConsole;
    const usage = await UsageCounter.load(options.usage ?? new MemoryUsageStore(), clock.now(), (error) =>
      onError("could not record upstream usage", error),
    );
    return new Governor(options.buckets, usage, { ...options, clock, onError });
  }

  /** A governed idempotent read. */
  async read<T>(request: ReadRequest<T>): Promise<Governed<T>> {
    this.stats.requests++;
    const { key } = request;
    let known = this.kept.inMemory(request);
    if (known && this.isFresh(known)) return this.hit<T>(known);
    const missing = this.notFound.get(key);
    if (missing && missing.until > this.clock.now()) {
      this.stats.hits++;
      throw missing.error;
    }

    if (!this.flights.has(key) && (this.shared || (request.freshness.persist && this.persistent))) {
      known = (await this.kept.load(request)) ?? known;
      if (known && this.isFresh(known)) return this.hit<T>(known);
    }

    const joined = this.flights.joinExisting(request, known);
    if (joined) return joined;
    const actor = request.actor ?? currentActor();
    let waitMs: number;
    try {
      waitMs = await this.scheduler.estimateWaitMs(request.cls, request.priority, actor);
    } catch (error) {
      this.onError("budget store failed", error);
      return unreachable<T>(this.flights, this.stats, known);
    }
    // Re-check after the await: another caller may have filled the cache or started the call meanwhile.
    known = this.kept.inMemory(request) ?? known;
    if (known && this.isFresh(known)) return this.hit<T>(known);
    const late = this.flights.joinExisting(request, known);
    if (late) return late;
    if (waitMs > this.flights.allowedWaitMs(request.priority, known)) return this.fallback<T>(known, waitMs);
    const admission = this.health.admit();
    if (!admission.ok) {
      if (known) return this.flights.staleAnswer<T>(known);
      this.stats.rejected++;
      throw this.downError(admission);
    }
    if (this.cluster) return this.cluster.read(request, known, admission.probe, actor);
    return this.flights.start(request, known, { probe: admission.probe, actor });
  }

  /**
   * The kept answer a read of `request` would be served from, without spending a request or waiting for
   * one (a call in flight is not waited for): fresh when it is, else the last good answer marked stale;
   * undefined when nothing is kept. Not counted in the cache figures: nobody was served a read.
   */
  peek<T>(request: Pick<ReadRequest<T>, "key" | "cacheKey" | "accepts" | "freshness">): Promise<Governed<T> | undefined> {
    return this.kept.peek<T>(request);
  }

  /** A governed write: through the budget, never cached nor retried; drops the tags it invalidates. */
  async write<T>({ cls = "management", priority = "interactive", run, invalidates = [] }: WriteRequest<T>): Promise<T> {
    const deadlineMs = this.waits[priority].deadlineMs;
    const actor = currentActor();
    let waitMs: number;
    try {
      waitMs = await this.scheduler.estimateWaitMs(cls, priority, actor);
    } catch (error) {
      this.onError("budget store failed", error);
      throw sharedBudgetUnreachableError();
    }
    if (waitMs > deadlineMs) throw beforeSending(budgetError(waitMs));
    const admission = this.health.admit();
    if (!admission.ok) throw beforeSending(this.downError(admission));
    return new Promise<T>((resolve, reject) => {
      const job: Job = {
        cls,
        priority,
        seq: this.scheduler.nextSeq(),
        actor,
        start: (release) => {
          this.clock.clearTimeout(timer);
          this.usage.record(cls, this.clock.now());
          run().then(
            async (value) => {
              release();
              this.health.succeeded();
              await this.invalidate(...invalidates);
              resolve(value);
            },
            (error) => {
              release();
              const failure = describeFailure(error);
              if (failure.rateLimited) void this.pauseClass(cls, failure);
              else if (failure.transient) this.health.failed(failureNote(failure, error, this.clock.now()));
              else if (failure.status >= 400) this.health.succeeded();
              else if (admission.probe) this.health.released();
              reject(failure.rateLimited ? rateLimitedError(failure) : error);
            },
          );
        },
      };
      const timer = this.clock.setTimeout(() => {
        if (!this.scheduler.remove(job)) return;
        if (admission.probe) this.health.released();
        this.scheduler.estimateWaitMs(cls, priority).then(
          (ms) => reject(beforeSending(budgetError(ms))),
          () => reject(beforeSending(budgetError(deadlineMs))),
        );
      }, deadlineMs);
      this.scheduler.enqueue(job);
    });
  }

  /** Drops every answer carrying one of the tags; calls in flight for them are answered but not kept. */
  async invalidate(...tags: string[]): Promise<void> {
    for (const tag of tags) this.forgetTag(tag);
    const stores = [this.persistent, this.shared].filter((store) => store !== undefined);
    await Promise.all(stores.flatMap((store) => tags.map((tag) => store.deleteByTag(tag)))).catch((error) =>
      this.onError("could not invalidate the answer cache", error),
    );
  }

  private forgetTag(tag: string) {
    this.memory.removeTag(tag);
    this.flights.invalidate(tag);
    for (const [key, missing] of this.notFound) if (missing.tags.includes(tag)) this.notFound.delete(key);
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
    try {
      return await this.readState();
    } catch (error) {
      this.onError("budget store failed", error);
      throw sharedBudgetUnreachableError();
    }
  }

  private async readState(): Promise<BudgetState> {
    const now = this.clock.now();
    // Other instances spend from the same budget: today's and this month's counts are the store's.
    if (this.shared) await this.usage.refresh(now).catch((error) => this.onError("could not read upstream usage", error));
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

  /** Whether Fathom is taken to be down right now, and what went wrong last (for the admin's budget view). */
  upstreamHealth() {
    return { open: this.health.isOpen, last: this.health.lastFailure() };
  }

  private downError(admission: Extract<Admission, { ok: false }>) {
    return upstreamDownError(admission.last, admission.failures, admission.retryInMs);
  }

  private rememberNotFound(key: string, tags: readonly string[], error: unknown) {
    this.notFound.delete(key);
    this.notFound.set(key, { error, until: this.clock.now() + this.notFoundTtlMs, tags });
    if (this.notFound.size > MAX_NOT_FOUND) this.notFound.delete(this.notFound.keys().next().value!);
  }

  private isFresh(answer: CachedAnswer) {
    return this.kept.isFresh(answer);
  }

  private hit<T>(answer: CachedAnswer): Governed<T> {
    this.stats.hits++;
    return { data: answer.value as T, meta: answerMeta(answer, { cached: true, stale: false, shared: false }) };
  }

  private fallback<T>(stale: CachedAnswer | undefined, waitMs: number): Governed<T> {
    if (stale) return this.flights.staleAnswer<T>(stale);
    this.stats.rejected++;
    throw budgetError(waitMs);
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
