import "server-only";

/**
 * The sign-in throttle. Every attempt is counted before its password is checked, synchronously (nothing is
 * awaited between the check and the count), so a hundred parallel guesses cannot slip past while the first
 * scrypt runs. Three counters, each with a few free failures and then doubling waits (up to 15 minutes):
 *  - account + address: the usual case, one person (or one attacker) at one address;
 *  - address: one address spraying many accounts;
 *  - account: many addresses guessing one account. Browsers that signed in to that account before are exempt,
 *    so an attacker elsewhere cannot lock the owner out of their own laptop.
 * Failures are forgotten after a quiet window. A success refunds its own attempt and clears account + address.
 */
export type LimitRule = { freeFailures: number; baseDelayMs: number; maxDelayMs: number; windowMs: number };
export type LimiterRules = { accountAddress: LimitRule; address: LimitRule; account: LimitRule };

const MINUTE = 60_000;
export const DEFAULT_RULES: LimiterRules = {
  accountAddress: { freeFailures: 5, baseDelayMs: 1_000, maxDelayMs: 15 * MINUTE, windowMs: 15 * MINUTE },
  address: { freeFailures: 20, baseDelayMs: 2_000, maxDelayMs: 15 * MINUTE, windowMs: 15 * MINUTE },
  account: { freeFailures: 30, baseDelayMs: 5_000, maxDelayMs: 15 * MINUTE, windowMs: 15 * MINUTE },
};

type Kind = keyof LimiterRules;
type Counter = { failures: number; blockedUntil: number; lastAt: number };

export type Attempt = { email: string; address: string; /** The account this browser signed in to before, if any. */ knownDeviceEmail: string | null };
export type Reservation = { ok: true; ticket: Ticket } | { ok: false; retryAfterSeconds: number; reason: Kind };
export type Ticket = { keys: Array<[Kind, string]> };

const MAX_COUNTERS = 50_000;

export class LoginLimiter {
  private readonly counters = new Map<string, Counter>();

  constructor(
    private readonly rules: LimiterRules = DEFAULT_RULES,
    private readonly now: () => number = Date.now,
  ) {}

  /**
   * Counts the attempt as a failure up front, or refuses it while one of its counters makes it wait. Call
   * `succeeded(ticket)` when the password was right; a wrong one needs nothing more.
   */
  reserve(attempt: Attempt): Reservation {
    const now = this.now();
    const keys: Array<[Kind, string]> = [
      ["accountAddress", `aa:${attempt.email}|${attempt.address}`],
      ["address", `ad:${attempt.address}`],
    ];
    if (attempt.knownDeviceEmail !== attempt.email) keys.push(["account", `ac:${attempt.email}`]);

    let wait = 0;
    let reason: Kind = "accountAddress";
    for (const [kind, key] of keys) {
      const counter = this.live(kind, key, now);
      if (counter && counter.blockedUntil - now > wait) {
        wait = counter.blockedUntil - now;
        reason = kind;
      }
    }
    if (wait > 0) return { ok: false, retryAfterSeconds: Math.ceil(wait / 1000), reason };

    for (const [kind, key] of keys) {
      const rule = this.rules[kind];
      const counter = this.live(kind, key, now) ?? { failures: 0, blockedUntil: 0, lastAt: now };
      counter.failures++;
      counter.lastAt = now;
      counter.blockedUntil = now + delayAfter(counter.failures, rule);
      this.counters.set(key, counter);
    }
    if (this.counters.size > MAX_COUNTERS) this.prune(now);
    return { ok: true, ticket: { keys } };
  }

  /** The password was right: the attempt is refunded and this account's failures at this address forgotten. */
  succeeded(ticket: Ticket): void {
    const now = this.now();
    for (const [kind, key] of ticket.keys) {
      if (kind === "accountAddress") {
        this.counters.delete(key);
        continue;
      }
      const counter = this.counters.get(key);
      if (!counter) continue;
      counter.failures = Math.max(0, counter.failures - 1);
      counter.blockedUntil = counter.failures === 0 ? 0 : Math.min(counter.blockedUntil, now + delayAfter(counter.failures, this.rules[kind]));
    }
  }

  private live(kind: Kind, key: string, now: number): Counter | undefined {
    const counter = this.counters.get(key);
    if (!counter) return undefined;
    if (now - counter.lastAt > this.rules[kind].windowMs && counter.blockedUntil <= now) {
      this.counters.delete(key);
      return undefined;
    }
    return counter;
  }

  private prune(now: number) {
    for (const [key, counter] of this.counters) {
      if (counter.blockedUntil <= now && now - counter.lastAt > 15 * MINUTE) this.counters.delete(key);
    }
    // Still too many (a flood of fresh keys): drop the oldest, which are the least likely to matter, down to
    // a margin below the bound so the next flood does not prune on every attempt.
    for (const key of this.counters.keys()) {
      if (this.counters.size <= MAX_COUNTERS * 0.8) break;
      this.counters.delete(key);
    }
  }
}

/** After the n-th failure: nothing while failures are free, then the base delay, doubling, up to the cap. */
function delayAfter(failures: number, rule: LimitRule): number {
  const over = failures - rule.freeFailures;
  if (over < 0) return 0;
  return Math.min(rule.maxDelayMs, rule.baseDelayMs * 2 ** Math.min(over, 30));
}

const holder = globalThis as typeof globalThis & { __soundingLoginLimiter?: LoginLimiter };
/** The process-wide throttle (on globalThis, so every route bundle shares it). */
export function loginLimiter(): LoginLimiter {
  holder.__soundingLoginLimiter ??= new LoginLimiter();
  return holder.__soundingLoginLimiter;
}
