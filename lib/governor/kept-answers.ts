import "server-only";
import type { Governed } from "./answer-meta";
import type { AnswerCache, CachedAnswer, MemoryAnswerCache } from "./answer-cache";
import type { Clock } from "./clock";
import { answerMeta } from "./flights";
import type { ReadRequest } from "./read-request";
import type { SharedAnswers } from "./shared-answers";

type Lookup = Pick<ReadRequest<unknown>, "key" | "cacheKey" | "accepts" | "freshness">;

/**
 * The answers the governor keeps, as one read sees them: in memory first, then the answers shared by the
 * deployment's instances and the persisted ones, loaded when memory has nothing as new, and only answers the
 * read `accepts` (a folded entry kept by a request that asked for other columns is no answer to this one).
 */
export class KeptAnswers {
  constructor(
    private readonly memory: MemoryAnswerCache,
    private readonly persistent: AnswerCache | undefined,
    private readonly clock: Clock,
    private readonly onError: (context: string, error: unknown) => void,
    private readonly shared?: SharedAnswers,
  ) {}

  /** The answer in memory the request can be served, fresh or not. */
  inMemory(request: Lookup): CachedAnswer | undefined {
    return usable(request, this.memory.peek(request.cacheKey ?? request.key));
  }

  /**
   * Loads the shared answer (and, for a persisted read, the stored one) into memory when it is newer than
   * memory's; then the best answer the request can be served. A store that cannot be read counts as empty.
   */
  async load(request: Lookup): Promise<CachedAnswer | undefined> {
    const cacheKey = request.cacheKey ?? request.key;
    const stores = [this.shared, request.freshness.persist ? this.persistent : undefined].filter((store) => store !== undefined);
    if (stores.length === 0) return this.inMemory(request);
    const found = await Promise.all(
      stores.map((store) => store.get(cacheKey).catch((error) => this.onError("could not read the answer cache", error))),
    );
    let loaded: CachedAnswer | undefined;
    for (const stored of found) {
      if (!stored) continue;
      const latest = this.memory.peek(cacheKey);
      if (!latest || stored.fetchedAt > latest.fetchedAt) this.memory.put(stored);
      if (!loaded || stored.fetchedAt > loaded.fetchedAt) loaded = stored;
    }
    return this.inMemory(request) ?? usable(request, loaded);
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
    if ((!known || !this.isFresh(known)) && (request.freshness.persist || this.shared)) known = (await this.load(request)) ?? known;
    if (!known) return undefined;
    return { data: known.value as T, meta: answerMeta(known, { cached: true, stale: !this.isFresh(known), shared: false }) };
  }
}

function usable(request: Pick<Lookup, "accepts">, answer: CachedAnswer | undefined) {
  return answer && (!request.accepts || request.accepts(answer)) ? answer : undefined;
}
