import "server-only";

/** One upstream answer as the cache keeps it. Times are epoch milliseconds. */
export type CachedAnswer = {
  key: string;
  /** Plain JSON data; callers treat it as read-only (every reader of a key shares it). */
  value: unknown;
  fetchedAt: number;
  /** Fresh until then; afterwards still kept as the last good answer, served marked stale. */
  expiresAt: number;
  /** Invalidation handles, e.g. `site:CDBUGS:milestones`. */
  tags: readonly string[];
};

/**
 * Where answers are kept. Small on purpose so another store (Redis) can back it: the in-memory one below
 * and the database one (lib/store/answer-cache-repository.ts) are the defaults. `get` returns expired answers too.
 */
export interface AnswerCache {
  get(key: string): Promise<CachedAnswer | undefined>;
  set(answer: CachedAnswer): Promise<void>;
  delete(key: string): Promise<void>;
  /** Drops every answer carrying the tag; returns how many. */
  deleteByTag(tag: string): Promise<number>;
  /** Drops answers whose freshness ended before `expiredBefore`; returns how many. */
  prune(expiredBefore: number): Promise<number>;
}

/**
 * The in-process cache: a bounded map, least recently used first out, with a tag index. Its synchronous
 * `peek`/`put` let the governor check and fill it without yielding between a lookup and a decision.
 */
export class MemoryAnswerCache implements AnswerCache {
  private readonly answers = new Map<string, CachedAnswer>();
  private readonly keysByTag = new Map<string, Set<string>>();

  constructor(private readonly maxEntries = 5000) {}

  get size(): number {
    return this.answers.size;
  }

  peek(key: string): CachedAnswer | undefined {
    const answer = this.answers.get(key);
    if (answer) {
      this.answers.delete(key);
      this.answers.set(key, answer);
    }
    return answer;
  }

  put(answer: CachedAnswer): void {
    this.remove(answer.key);
    this.answers.set(answer.key, answer);
    for (const tag of answer.tags) {
      let keys = this.keysByTag.get(tag);
      if (!keys) this.keysByTag.set(tag, (keys = new Set()));
      keys.add(answer.key);
    }
    while (this.answers.size > this.maxEntries) {
      const oldest = this.answers.keys().next().value;
      if (oldest === undefined) break;
      this.remove(oldest);
    }
  }

  remove(key: string): boolean {
    const answer = this.answers.get(key);
    if (!answer) return false;
    this.answers.delete(key);
    for (const tag of answer.tags) {
      const keys = this.keysByTag.get(tag);
      keys?.delete(key);
      if (keys?.size === 0) this.keysByTag.delete(tag);
    }
    return true;
  }

  removeTag(tag: string): number {
    const keys = [...(this.keysByTag.get(tag) ?? [])];
    for (const key of keys) this.remove(key);
    return keys.length;
  }

  async get(key: string) {
    return this.peek(key);
  }

  async set(answer: CachedAnswer) {
    this.put(answer);
  }

  async delete(key: string) {
    this.remove(key);
  }

  async deleteByTag(tag: string) {
    return this.removeTag(tag);
  }

  async prune(expiredBefore: number) {
    let removed = 0;
    for (const [key, answer] of [...this.answers]) {
      if (answer.expiresAt < expiredBefore && this.remove(key)) removed++;
    }
    return removed;
  }
}
