import "server-only";
import type { AnswerMeta, Governed } from "./answer-meta";
import type { AnswerCache, CachedAnswer, MemoryAnswerCache } from "./answer-cache";
import type { Priority, RequestClass } from "./budget-state";
import { budgetError, rateLimitedError, upstreamRetryingError, upstreamSlowError } from "./budget-errors";
import type { Clock } from "./clock";
import type { Freshness } from "./freshness";
import type { ReadRequest, ReadStats, WaitPolicy } from "./read-request";
import type { Job, Scheduler } from "./scheduler";
import type { SharedAnswers } from "./shared-answers";
import { describeFailure, type UpstreamFailure } from "./upstream-failure";
import { failureNote, type FailureNote, type UpstreamHealth } from "./upstream-health";
import type { UsageCounter } from "./usage-store";

export type FlightDeps = {
  memory: MemoryAnswerCache;
  persistent: AnswerCache | undefined;
  shared: SharedAnswers | undefined;
  clock: Clock;
  random: () => number;
  scheduler: Scheduler;
  usage: UsageCounter;
  waits: Record<Priority, WaitPolicy>;
  maxRetries: number;
  retryBaseMs: number;
  stats: ReadStats;
  pauseClass: (cls: RequestClass, failure: UpstreamFailure) => Promise<void>;
  health: UpstreamHealth;
  /** Fathom said the thing does not exist (404): remembered briefly, so asking again costs nothing. */
  notFound: (key: string, tags: readonly string[], error: unknown) => void;
  afterSuccess: (now: number) => void;
  onError: (context: string, error: unknown) => void;
};

type Waiter = {
  shared: boolean;
  /** The last good answer this caller can be served (its own request's `accepts` said so). */
  stale: CachedAnswer | undefined;
  accepts: ReadRequest<unknown>["accepts"];
  deadlineAt: number;
  timer: unknown;
  resolve: (answer: Governed<unknown>) => void;
  reject: (error: unknown) => void;
};

type Flight = {
  key: string;
  cacheKey: string;
  displaces: ReadRequest<unknown>["displaces"];
  cls: RequestClass;
  freshness: Freshness;
  tags: readonly string[];
  fetch: () => Promise<unknown>;
  job: Job;
  phase: "queued" | "running" | "backoff" | "done";
  waiters: Set<Waiter>;
  /** The newest last good answer any caller brought (each caller is served it only if it accepts it). */
  stale: CachedAnswer | undefined;
  attempts: number;
  /** Set when a write invalidated one of its tags while it ran: its answer is handed out, not kept. */
  noStore: boolean;
  retryTimer: unknown;
  /** When the current attempt was sent, and when the next retry is due (for what a caller is told on timeout). */
  sentAt: number;
  retryAt: number;
  /** What went wrong with the last attempt, if it failed. */
  lastFailure: FailureNote | null;
  /** Admitted by the circuit breaker as its one probe. */
  probe: boolean;
  /** The claim this instance holds on the call across instances (see SharedAnswers), until it ends. */
  claim: string | undefined;
};

const iso = (ms: number) => new Date(ms).toISOString();
const newest = (a: CachedAnswer | undefined, b: CachedAnswer | undefined) => (a && b ? (b.fetchedAt > a.fetchedAt ? b : a) : (a ?? b));

export function answerMeta(answer: CachedAnswer, flags: Pick<AnswerMeta, "cached" | "stale" | "shared">): AnswerMeta {
  return { fetchedAt: iso(answer.fetchedAt), freshUntil: iso(answer.expiresAt), ...flags };
}

/**
 * Upstream calls on their way: one per key however many callers wait for it (single-flight), each
 * caller with its own deadline, retried with backoff while a caller can still wait, the answer kept in
 * the cache, a failure answered with the last good answer when one can stand in.
 */
export class Flights {
  private readonly flights = new Map<string, Flight>();

  constructor(private readonly deps: FlightDeps) {}

  has(key: string): boolean {
    return this.flights.has(key);
  }

  allowedWaitMs(priority: Priority, stale: CachedAnswer | undefined) {
    const policy = this.deps.waits[priority];
    return stale ? policy.staleWaitMs : policy.deadlineMs;
  }

  staleAnswer<T>(answer: CachedAnswer): Governed<T> {
    this.deps.stats.stale++;
    return { data: answer.value as T, meta: answerMeta(answer, { cached: true, stale: true, shared: false }) };
  }

  /** Joins the call in flight for the request's key; undefined when there is none. */
  joinExisting<T>(request: ReadRequest<T>, stale: CachedAnswer | undefined): Promise<Governed<T>> | undefined {
    const flight = this.flights.get(request.key);
    return flight ? this.join<T>(flight, request, stale, true) : undefined;
  }

  /** Starts a call for the request and waits for it. */
  start<T>(
    request: ReadRequest<T>,
    stale: CachedAnswer | undefined,
    options: { probe?: boolean; actor?: string; claim?: string } = {},
  ): Promise<Governed<T>> {
    const flight: Flight = {
      key: request.key,
      cacheKey: request.cacheKey ?? request.key,
      displaces: request.displaces,
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
      sentAt: 0,
      retryAt: 0,
      lastFailure: null,
      probe: options.probe ?? false,
      claim: options.claim,
      job: {
        cls: request.cls,
        priority: request.priority,
        seq: this.deps.scheduler.nextSeq(),
        actor: request.actor ?? options.actor,
        start: (release) => this.run(flight, release),
        wanted: () => flight.waiters.size > 0,
        dropped: () => this.forget(flight),
      },
    };
    this.flights.set(flight.key, flight);
    const answer = this.join<T>(flight, request, stale, false);
    this.deps.scheduler.enqueue(flight.job); // after join: the scheduler only spends budget on a wanted job
    return answer;
  }

  /** Calls in flight for the tag are answered but not kept, and later callers start a fresh one. */
  invalidate(tag: string) {
    for (const flight of [...this.flights.values()]) {
      if (flight.tags.includes(tag)) {
        flight.noStore = true;
        this.flights.delete(flight.key);
      }
    }
  }

  private join<T>(flight: Flight, request: ReadRequest<T>, stale: CachedAnswer | undefined, shared: boolean): Promise<Governed<T>> {
    const { priority, accepts } = request;
    if (stale && (!flight.stale || stale.fetchedAt > flight.stale.fetchedAt)) flight.stale = stale;
    this.deps.scheduler.raise(flight.job, priority);
    const own = newest(stale, flight.stale && (!accepts || accepts(flight.stale)) ? flight.stale : undefined);
    const waitMs = this.allowedWaitMs(priority, own);
    return new Promise<Governed<T>>((resolve, reject) => {
      const waiter: Waiter = {
        shared,
        stale: own,
        accepts,
        deadlineAt: this.deps.clock.now() + waitMs,
        timer: null,
        resolve: resolve as (answer: Governed<unknown>) => void,
        reject,
      };
      waiter.timer = this.deps.clock.setTimeout(() => this.expire(flight, waiter, priority), waitMs);
      flight.waiters.add(waiter);
    });
  }

  /**
   * A caller's deadline passed before its answer came: the last good answer, or what held it up: Fathom still
   * working on it, Fathom failing (and Sounding retrying), or Sounding's own pacing (a 429).
   */
  private expire(flight: Flight, waiter: Waiter, priority: Priority) {
    if (!flight.waiters.delete(waiter)) return;
    const phase = flight.phase;
    if (flight.waiters.size === 0) this.abandon(flight);
    const stale = this.staleFor(flight, waiter);
    if (stale) {
      waiter.resolve(this.staleAnswer(stale));
      return;
    }
    const now = this.deps.clock.now();
    if (phase === "running") return waiter.reject(upstreamSlowError(now - flight.sentAt));
    if (phase === "backoff" && flight.lastFailure) return waiter.reject(upstreamRetryingError(flight.lastFailure, flight.retryAt - now));
    this.deps.stats.rejected++;
    this.deps.scheduler.estimateWaitMs(flight.cls, priority).then(
      (ms) => waiter.reject(budgetError(ms)),
      () => waiter.reject(budgetError(this.deps.retryBaseMs)),
    );
  }

  /** Nobody waits any more: a call not yet sent is not sent. One already on its way still fills the cache. */
  private abandon(flight: Flight) {
    // A job the scheduler is admitting right now is not in its queue: it asks `wanted()` before spending.
    const unsent = flight.phase === "backoff" || (flight.phase === "queued" && this.deps.scheduler.remove(flight.job));
    if (unsent) this.forget(flight);
  }

  private forget(flight: Flight) {
    this.deps.clock.clearTimeout(flight.retryTimer);
    if (flight.probe && flight.phase !== "done") this.deps.health.released();
    flight.phase = "done";
    if (this.flights.get(flight.key) === flight) this.flights.delete(flight.key);
    this.endClaim(flight);
  }

  /** Ends the flight's claim across instances without an answer, so a waiting instance may try itself. */
  private endClaim(flight: Flight) {
    const token = flight.claim;
    if (!token) return;
    flight.claim = undefined;
    this.deps.shared?.release(flight.key, token).catch((error) => this.deps.onError("could not end a shared request", error));
  }

  private run(flight: Flight, release: () => void) {
    if (flight.phase === "done") return release();
    flight.phase = "running";
    flight.attempts++;
    flight.sentAt = this.deps.clock.now();
    this.deps.usage.record(flight.cls, this.deps.clock.now());
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
    const now = this.deps.clock.now();
    this.deps.health.succeeded();
    const answer: CachedAnswer = { key: flight.cacheKey, value, fetchedAt: now, expiresAt: now + flight.freshness.ttlMs, tags: flight.tags };
    const kept = flight.displaces && this.deps.memory.peek(flight.cacheKey);
    const keep = !kept || kept.expiresAt <= now || flight.displaces!(kept);
    if (!flight.noStore && keep) {
      this.deps.memory.put(answer);
      if (flight.freshness.persist && this.deps.persistent) {
        this.deps.persistent.set(answer).catch((error) => this.deps.onError("could not persist an answer", error));
      }
      if (this.deps.shared) {
        const token = flight.claim;
        flight.claim = undefined;
        this.deps.shared.publish(answer, flight.key, token).catch((error) => this.deps.onError("could not share an answer", error));
      }
    }
    this.settle(flight, (waiter) => {
      if (waiter.shared) this.deps.stats.shared++;
      waiter.resolve({ data: value, meta: answerMeta(answer, { cached: false, stale: false, shared: waiter.shared }) });
    });
    this.deps.afterSuccess(now);
  }

  private fail(flight: Flight, error: unknown) {
    const failure = describeFailure(error);
    const now = this.deps.clock.now();
    if (failure.rateLimited) void this.deps.pauseClass(flight.cls, failure);
    else if (failure.transient) this.deps.health.failed((flight.lastFailure = failureNote(failure, error, now)));
    else if (failure.status >= 400) this.deps.health.succeeded(); // Fathom answered: it is up, the request was wrong
    if (failure.status === 404) this.deps.notFound(flight.key, flight.tags, error);
    flight.probe = false;
    const mayRetry = failure.retryable && !this.deps.health.isOpen;
    if (mayRetry && flight.attempts <= this.deps.maxRetries && flight.waiters.size > 0 && flight.phase !== "done") {
      const delay = this.retryDelayMs(flight.attempts, failure);
      const latest = Math.max(...[...flight.waiters].map((waiter) => waiter.deadlineAt));
      if (now + delay < latest) {
        flight.phase = "backoff";
        flight.retryAt = now + delay;
        flight.retryTimer = this.deps.clock.setTimeout(() => {
          flight.retryTimer = null;
          if (flight.phase !== "backoff") return;
          flight.phase = "queued";
          this.deps.scheduler.enqueue(flight.job);
        }, delay);
        return;
      }
    }
    this.settle(flight, (waiter) => {
      const stale = failure.transient ? this.staleFor(flight, waiter) : undefined;
      if (stale) waiter.resolve(this.staleAnswer(stale));
      else {
        if (failure.rateLimited) this.deps.stats.rejected++;
        waiter.reject(failure.rateLimited ? rateLimitedError(failure) : error);
      }
    });
  }

  private settle(flight: Flight, answer: (waiter: Waiter) => void) {
    flight.phase = "done";
    if (this.flights.get(flight.key) === flight) this.flights.delete(flight.key);
    this.endClaim(flight);
    const waiters = [...flight.waiters];
    flight.waiters.clear();
    for (const waiter of waiters) {
      this.deps.clock.clearTimeout(waiter.timer);
      answer(waiter);
    }
  }

  /** The newest last good answer the waiter accepts: its own, or one a later caller brought. */
  private staleFor(flight: Flight, waiter: Waiter) {
    const shared = flight.stale && (!waiter.accepts || waiter.accepts(flight.stale)) ? flight.stale : undefined;
    return newest(waiter.stale, shared);
  }

  /** Retry-After when the answer gave one (plus up to 10 % jitter), else exponential backoff with ±50 % jitter. */
  private retryDelayMs(attempt: number, failure: UpstreamFailure) {
    if (failure.retryAfterMs !== undefined) return failure.retryAfterMs + this.deps.random() * 0.1 * this.deps.retryBaseMs;
    return this.deps.retryBaseMs * 2 ** (attempt - 1) * (0.5 + this.deps.random());
  }
}
