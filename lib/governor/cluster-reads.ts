import "server-only";
import { randomUUID } from "node:crypto";
import type { CachedAnswer } from "./answer-cache";
import type { Governed } from "./answer-meta";
import { sharedBudgetUnreachableError, upstreamSlowError } from "./budget-errors";
import type { Clock } from "./clock";
import { answerMeta, type Flights } from "./flights";
import type { KeptAnswers } from "./kept-answers";
import type { ReadRequest, ReadStats } from "./read-request";
import type { SharedAnswers } from "./shared-answers";
import type { UpstreamHealth } from "./upstream-health";

export type ClusterReadDeps = {
  shared: SharedAnswers;
  flights: Flights;
  kept: KeptAnswers;
  stats: ReadStats;
  health: UpstreamHealth;
  clock: Clock;
  onError: (context: string, error: unknown) => void;
};

/** The shared budget cannot be reached: the last good answer, else a 503 that says so (nothing is sent). */
export function unreachable<T>(flights: Flights, stats: ReadStats, known: CachedAnswer | undefined): Governed<T> {
  if (known) return flights.staleAnswer<T>(known);
  stats.rejected++;
  throw sharedBudgetUnreachableError();
}

/**
 * Reads that need Fathom while other instances share the answers (the governor's `shared`): one instance
 * per question asks, across the deployment, as the flights of one instance do within it.
 */
export class ClusterReads {
  constructor(private readonly deps: ClusterReadDeps) {}

  /**
   * A read that needs Fathom, with other instances about: the instance that claims the key asks Fathom (and
   * publishes the answer); the others wait for that answer. A claim that ends without one (the call failed,
   * or its instance died and the claim ran out) lets the next waiter claim in turn. `probe`: the circuit
   * breaker admitted this read as its probe.
   */
  async read<T>(request: ReadRequest<T>, known: CachedAnswer | undefined, probe: boolean, actor: string | undefined): Promise<Governed<T>> {
    const { shared, flights, kept, stats, health, clock } = this.deps;
    const deadline = clock.now() + flights.allowedWaitMs(request.priority, known);
    const started = clock.now();
    try {
      while (clock.now() < deadline) {
        // Only the holder's token ends a claim: a claim that ran out and was taken by another is not ended by us.
        const token = randomUUID();
        let claimed: boolean;
        try {
          claimed = await shared.claim(request.key, token);
        } catch (error) {
          this.deps.onError("could not claim a shared request", error);
          return unreachable<T>(flights, stats, known);
        }
        // Another caller of this instance may have started or finished it during the await.
        const local = flights.joinExisting(request, known);
        if (local) {
          if (claimed) void shared.release(request.key, token).catch(() => undefined);
          return local;
        }
        if (claimed) {
          // The claim may be free because another instance has just answered it (its answer and the end of its
          // claim are one step): look once more before asking Fathom again.
          const landed = await kept.load(request);
          const later = flights.joinExisting(request, landed ?? known);
          if ((landed && kept.isFresh(landed)) || later) {
            void shared.release(request.key, token).catch(() => undefined);
            if (later) return later;
            stats.shared++;
            return { data: landed!.value as T, meta: answerMeta(landed!, { cached: false, stale: false, shared: true }) };
          }
          known = landed ?? known;
          const answer = flights.start(request, known, { probe, actor, claim: token });
          probe = false;
          return answer;
        }
        await shared.waitFor(request.key, Math.max(0, deadline - clock.now()));
        const landed = await kept.load(request);
        if (landed && kept.isFresh(landed)) {
          stats.shared++;
          return { data: landed.value as T, meta: answerMeta(landed, { cached: false, stale: false, shared: true }) };
        }
        known = landed ?? known;
      }
      if (known) return flights.staleAnswer<T>(known);
      stats.rejected++;
      throw upstreamSlowError(clock.now() - started);
    } finally {
      // The breaker's probe was not spent on a call of this instance's: give it back.
      if (probe) health.released();
    }
  }
}
