import "server-only";
import type { CachedAnswer } from "./answer-cache";

/** How a wait for another instance's upstream call ended. */
export type RemoteOutcome = "answered" | "released" | "timeout";

/**
 * What the instances of one deployment share besides the budget (./redis-answers.ts): the answers they
 * fetched, and who is fetching what, so one instance asks Fathom and the others wait for its answer.
 */
export interface SharedAnswers {
  /** The kept answer, fresh or not (a stale one is still the last good answer). */
  get(cacheKey: string): Promise<CachedAnswer | undefined>;
  /** Claims the one upstream call for `key` across instances; false when another instance holds it. */
  claim(key: string, token: string): Promise<boolean>;
  /** Keeps the answer for every instance, ends the claim (when `token` holds it) and wakes the instances waiting. */
  publish(answer: CachedAnswer, key: string, token: string | undefined): Promise<void>;
  /** Ends a claim without an answer (the call failed or nobody wanted it): the waiting instances try themselves. */
  release(key: string, token: string): Promise<void>;
  /** Waits until the claim on `key` ends, by an answer or not, or `timeoutMs` passes. */
  waitFor(key: string, timeoutMs: number): Promise<RemoteOutcome>;
  /** Drops every answer carrying the tag, on every instance (each hears it through `onInvalidate`). */
  deleteByTag(tag: string): Promise<void>;
  onInvalidate(listener: (tag: string) => void): void;
}
