import "server-only";
import type { Governed } from "./answer-meta";
import type { AnswerCache, CachedAnswer, MemoryAnswerCache } from "./answer-cache";
import type { Clock } from "./clock";
import { answerMeta } from "./flights";
import type { ReadRequest } from "./read-request";

type Lookup = Pick<ReadRequest<unknown>, "key" | "cacheKey" | "accepts" | "freshness">;

/**
 * The answers the governor keeps, as one read sees them: in memory first, persisted answers loaded from the
 * database when memory has nothing as new, and only answers the read `accepts` (a folded entry kept by a
 * request that asked for other columns is no answer to this one).
 */
export class KeptAnswers {
  constructor(
    private readonly memory: MemoryAnswerCache,
    private readonly persistent: AnswerCache | undefined,
    private readonly clock: Clock,
    private readonly onError: (context: string, error: unknown) => void,
  ) {}

  /** The answer in memory the request can be served, fresh or not. */
  inMemory(request: Lookup): CachedAnswer | undefined {
    return usable(request, this.memory.peek(request.cacheKey ?? request.key));
  }

  /** Loads the persisted answer into memory when it is newer than memory's; then the best answer the request can be served. */
  async load(request: Lookup): Promise<CachedAnswer | undefined> {
    const cacheKey = request.cacheKey ?? request.key;
    if (!this.persistent) return this.inMemory(request);
    const stored = (await this.persistent.get(cacheKey).catch((error) => this.onError("could not read the answer cache", error))) ?? undefined;
    const latest = this.memory.peek(cacheKey);
    if (stored && (!latest || stored.fetchedAt > latest.fetchedAt)) this.memory.put(stored);
    return this.inMemory(request) ?? usable(request, stored);
  }

  isFresh(answer: CachedAnswer): boolean {
    return answer.expiresAt > this.clock.now();
  }

  /**
   * What a read would be served from the cache, without spending a request or waiting for one: the fresh
   * answer, else the last good one marked stale; undefined when nothing the request accepts is kept.
   */
  async peek<T>(request: Lookup): Promise<Governed<T> | undefined> {
    let known = this.inMemory(request);
    if ((!known || !this.isFresh(known)) && request.freshness.persist) known = (await this.load(request)) ?? known;
    if (!known) return undefined;
    return { data: known.value as T, meta: answerMeta(known, { cached: true, stale: !this.isFresh(known), shared: false }) };
  }
}

function usable(request: Pick<Lookup, "accepts">, answer: CachedAnswer | undefined) {
  return answer && (!request.accepts || request.accepts(answer)) ? answer : undefined;
}
