import "server-only";
import type { Clock } from "./clock";
import type { UpstreamFailure } from "./upstream-failure";

/**
 * A circuit breaker in front of Fathom. After `threshold` upstream failures in a row (5xx, no answer, an
 * answer that cannot be read; never a 4xx, which is about the request), Fathom is taken to be down: for a
 * cool-down nothing is sent and callers hear at once what happened (or get the last good answer). Then one
 * probe goes through; its success closes the breaker, its failure opens it again for twice as long (up to
 * `maxCooldownMs`). Any success on the way resets the count.
 */
export type HealthOptions = { threshold: number; baseCooldownMs: number; maxCooldownMs: number };
export const DEFAULT_HEALTH: HealthOptions = { threshold: 5, baseCooldownMs: 10_000, maxCooldownMs: 120_000 };

/** What went wrong last, in the words a person needs ("it answered 500", "no answer within 15 s"). */
export type FailureNote = { kind: "failing" | "unreachable" | "slow" | "unreadable"; detail: string; at: number };

export type Admission = { ok: true; probe: boolean } | { ok: false; retryInMs: number; last: FailureNote; failures: number };

export class UpstreamHealth {
  private failures = 0;
  private opens = 0;
  private openUntil = 0;
  private probing = false;
  private last: FailureNote | null = null;

  constructor(
    private readonly clock: Clock,
    private readonly options: HealthOptions = DEFAULT_HEALTH,
  ) {}

  /** May a request be sent now? While open, no; when the cool-down is over, one probe at a time. */
  admit(): Admission {
    const now = this.clock.now();
    if (this.openUntil === 0) return { ok: true, probe: false };
    if (now < this.openUntil || this.probing) {
      return { ok: false, retryInMs: Math.max(1000, this.openUntil - now), last: this.last!, failures: this.failures };
    }
    this.probing = true;
    return { ok: true, probe: true };
  }

  /** An answer came back (any answer Fathom meant to give, including a 4xx). */
  succeeded(): void {
    this.failures = 0;
    this.opens = 0;
    this.openUntil = 0;
    this.probing = false;
  }

  /** A transient failure: counts towards opening; a failed probe opens again at once, for longer. */
  failed(note: FailureNote): void {
    this.last = note;
    this.failures++;
    const wasProbe = this.probing;
    this.probing = false;
    if (wasProbe || this.failures >= this.options.threshold) {
      this.opens++;
      const cooldown = Math.min(this.options.maxCooldownMs, this.options.baseCooldownMs * 2 ** (this.opens - 1));
      this.openUntil = this.clock.now() + cooldown;
    }
  }

  /** A probe that was admitted but never sent (nobody wanted it any more): the next caller may probe. */
  released(): void {
    this.probing = false;
  }

  get isOpen(): boolean {
    return this.openUntil > 0;
  }

  lastFailure(): FailureNote | null {
    return this.last;
  }
}

/** Reads a failure (and the error behind it) as the note people see. */
export function failureNote(failure: UpstreamFailure, error: unknown, now: number): FailureNote {
  const kind = (error as { kind?: unknown } | null)?.kind;
  if (kind === "timeout") return { kind: "slow", detail: "it did not answer in time", at: now };
  if (kind === "invalid_response" || (failure.status >= 200 && failure.status < 300)) {
    return { kind: "unreadable", detail: "its answer was cut off or not the documented shape", at: now };
  }
  if (failure.status === 0) return { kind: "unreachable", detail: "the connection failed", at: now };
  return { kind: "failing", detail: `it answered ${failure.status}`, at: now };
}
