import "server-only";
import { PRIORITIES, REQUEST_CLASSES, type Priority, type RequestClass } from "./budget-state";
import type { BucketLimit, Buckets, TakeResult } from "./buckets";
import type { Clock } from "./clock";

/** One upstream call waiting for the budget. `start` runs it; it must call `release` once when done. */
export type Job = {
  readonly cls: RequestClass;
  priority: Priority;
  readonly seq: number;
  /** Who the call is for (see ./actor); unset counts as one anonymous actor. */
  readonly actor?: string;
  start(release: () => void): void;
  /** Asked before budget is spent on the job; a job nobody wants any more is dropped instead. */
  wanted?(): boolean;
  /** Told when the job was dropped unsent because it was no longer wanted. */
  dropped?(): void;
};

/**
 * Fair shares: while more than one actor is active in a class's window (spent from it, or waiting for it),
 * none may spend more than `fraction` of the window's capacity, so one person (or one script) cannot starve
 * the rest. Alone, an actor may use it all.
 */
export type FairShare = { limits: Record<RequestClass, BucketLimit>; fraction: number };

type Spend = { at: number; actor: string };
/** How soon a job that found every concurrency slot taken asks again (one held by another instance frees no local slot). */
const SLOT_RECHECK_MS = 250;
const ANONYMOUS = "anonymous";
const actorOf = (job: Job) => job.actor ?? ANONYMOUS;

const rank = (priority: Priority) => PRIORITIES.indexOf(priority);
const before = (a: Job, b: Job) => rank(a.priority) < rank(b.priority) || (a.priority === b.priority && a.seq < b.seq);

/**
 * The priority queue in front of the buckets: per class, the most urgent job (then the oldest) starts
 * as soon as the class has budget and a concurrency slot is free. A job taken from the queue is admitted
 * before the budget is asked, so a token is never spent on a job that left meanwhile.
 */
export class Scheduler {
  private readonly queues: Record<RequestClass, Job[]> = { reports: [], management: [] };
  private readonly wakeups: Record<RequestClass, { at: number; handle: unknown } | null> = { reports: null, management: null };
  private pumping = false;
  private again = false;
  private lastSeq = 0;
  private readonly spends: Record<RequestClass, Spend[]> = { reports: [], management: [] };

  constructor(
    private readonly buckets: Buckets,
    private readonly clock: Clock,
    private readonly onError: (error: unknown) => void,
    private readonly fair?: FairShare,
  ) {}

  nextSeq(): number {
    return ++this.lastSeq;
  }

  enqueue(job: Job): void {
    this.insert(job);
    this.pump();
  }

  /** Takes a job out of the queue; false when it is no longer waiting (it is starting or has run). */
  remove(job: Job): boolean {
    const queue = this.queues[job.cls];
    const index = queue.indexOf(job);
    if (index < 0) return false;
    queue.splice(index, 1);
    return true;
  }

  /** Moves a waiting job up when a more urgent caller joins it. */
  raise(job: Job, priority: Priority): void {
    if (rank(priority) >= rank(job.priority)) return;
    job.priority = priority;
    if (this.remove(job)) this.insert(job);
  }

  queued(cls: RequestClass): Record<Priority, number> {
    const counts: Record<Priority, number> = { interactive: 0, share: 0, poll: 0 };
    for (const job of this.queues[cls]) counts[job.priority]++;
    return counts;
  }

  /**
   * How long a new job of this priority (for this actor) would wait for the budget, counting the jobs ahead of
   * it: as urgent or more, and not held back by their actor's fair share.
   */
  async estimateWaitMs(cls: RequestClass, priority: Priority, actor?: string): Promise<number> {
    const held = this.heldBack(cls, actor ?? ANONYMOUS);
    const ahead = this.queues[cls].filter((job) => rank(job.priority) <= rank(priority) && !held.has(actorOf(job))).length;
    return this.buckets.estimateWaitMs(cls, ahead + 1, this.clock.now());
  }

  /** Actors over their fair share while someone else (here: `asking`) is active: their jobs wait. */
  private heldBack(cls: RequestClass, asking: string): Set<string> {
    const shares = this.shares(cls);
    return new Set(shares ? [...shares.used].filter(([actor, count]) => actor !== asking && count >= shares.cap).map(([actor]) => actor) : []);
  }

  /** Spends per actor in the class's current window, and the cap while several actors are active. */
  private shares(cls: RequestClass): { used: Map<string, number>; cap: number; windowMs: number } | null {
    if (!this.fair) return null;
    const { capacity, windowMs } = this.fair.limits[cls];
    const now = this.clock.now();
    this.spends[cls] = this.spends[cls].filter((spend) => now - spend.at < windowMs);
    const used = new Map<string, number>();
    for (const spend of this.spends[cls]) used.set(spend.actor, (used.get(spend.actor) ?? 0) + 1);
    return { used, cap: Math.max(1, Math.floor(capacity * this.fair.fraction)), windowMs };
  }

  pump(): void {
    void this.drain();
  }

  private insert(job: Job) {
    const queue = this.queues[job.cls];
    let index = queue.findIndex((other) => before(job, other));
    if (index < 0) index = queue.length;
    queue.splice(index, 0, job);
  }

  private async drain(): Promise<void> {
    if (this.pumping) {
      this.again = true;
      return;
    }
    this.pumping = true;
    try {
      do {
        this.again = false;
        for (const cls of REQUEST_CLASSES) await this.drainClass(cls);
      } while (this.again);
    } catch (error) {
      this.onError(error);
      for (const cls of REQUEST_CLASSES) if (this.queues[cls].length > 0) this.wakeAt(cls, this.clock.now() + 1000);
    } finally {
      this.pumping = false;
    }
  }

  private async drainClass(cls: RequestClass): Promise<void> {
    const queue = this.queues[cls];
    while (queue.length > 0) {
      const picked = this.pick(cls);
      if (picked.index < 0) {
        this.wakeAt(cls, this.clock.now() + picked.waitMs);
        return;
      }
      const [job] = queue.splice(picked.index, 1) as [Job];
      if (!this.keep(job)) continue;
      let slot: boolean;
      try {
        slot = await this.buckets.tryAcquireSlot();
      } catch (error) {
        this.insert(job);
        throw error;
      }
      if (!slot) {
        this.insert(job); // a finishing job pumps again; with shared buckets the slots may be another instance's
        this.wakeAt(cls, this.clock.now() + SLOT_RECHECK_MS);
        return;
      }
      if (!this.keep(job)) {
        await this.buckets.releaseSlot();
        continue;
      }
      let take: TakeResult;
      try {
        take = await this.buckets.tryTake(cls, this.clock.now());
      } catch (error) {
        await this.buckets.releaseSlot().catch(() => undefined);
        this.insert(job);
        throw error;
      }
      if (!take.ok) {
        await this.buckets.releaseSlot();
        if (this.keep(job)) this.insert(job);
        this.wakeAt(cls, this.clock.now() + take.retryInMs);
        return;
      }
      this.spends[cls].push({ at: this.clock.now(), actor: actorOf(job) });
      this.run(job);
    }
  }

  /**
   * The next job to start: the most urgent, oldest one whose actor is within its fair share. When every waiting
   * job's actor is over its share, how long until the first of them is within it again.
   */
  private pick(cls: RequestClass): { index: number; waitMs: number } {
    const queue = this.queues[cls];
    const shares = this.shares(cls);
    if (!shares) return { index: 0, waitMs: 0 };
    const active = new Set([...shares.used.keys(), ...queue.map(actorOf)]);
    if (active.size <= 1) return { index: 0, waitMs: 0 };
    const index = queue.findIndex((job) => (shares.used.get(actorOf(job)) ?? 0) < shares.cap);
    if (index >= 0) return { index, waitMs: 0 };
    const first = actorOf(queue[0]!);
    const now = this.clock.now();
    const oldest = this.spends[cls].find((spend) => spend.actor === first)?.at ?? now;
    return { index: -1, waitMs: Math.max(1, oldest + shares.windowMs - now) };
  }

  /** False (and the job told) when nobody wants the job any more: no budget is spent on it. */
  private keep(job: Job): boolean {
    if (job.wanted?.() !== false) return true;
    job.dropped?.();
    return false;
  }

  private run(job: Job) {
    let released = false;
    const release = () => {
      if (released) return;
      released = true;
      this.buckets.releaseSlot().then(
        () => this.pump(),
        (error) => this.onError(error),
      );
    };
    try {
      job.start(release);
    } catch (error) {
      this.onError(error);
      release();
    }
  }

  private wakeAt(cls: RequestClass, at: number) {
    const current = this.wakeups[cls];
    if (current && current.at <= at) return;
    if (current) this.clock.clearTimeout(current.handle);
    const handle = this.clock.setTimeout(() => {
      this.wakeups[cls] = null;
      this.pump();
    }, Math.max(0, at - this.clock.now()));
    this.wakeups[cls] = { at, handle };
  }
}
