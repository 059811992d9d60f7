import "server-only";

/**
 * Slows down repeated failed sign-ins for one email: the first few failures are free, then each further
 * failure doubles the wait (up to 15 minutes). A success clears the record. In-process: one instance
 * per server, which is what a self-hosted dashboard runs.
 */
export class LoginLimiter {
  private readonly failures = new Map<string, { count: number; blockedUntil: number }>();

  constructor(
    private readonly options = { freeAttempts: 5, baseDelayMs: 1_000, maxDelayMs: 15 * 60_000 },
    private readonly now: () => number = Date.now,
  ) {}

  /** Seconds to wait before `key` may try again, or 0. */
  retryAfterSeconds(key: string): number {
    const record = this.failures.get(key);
    if (!record) return 0;
    return Math.max(0, Math.ceil((record.blockedUntil - this.now()) / 1000));
  }

  recordFailure(key: string): void {
    const count = (this.failures.get(key)?.count ?? 0) + 1;
    const over = count - this.options.freeAttempts;
    const delay = over <= 0 ? 0 : Math.min(this.options.maxDelayMs, this.options.baseDelayMs * 2 ** (over - 1));
    this.failures.set(key, { count, blockedUntil: this.now() + delay });
    if (this.failures.size > 10_000) this.prune();
  }

  recordSuccess(key: string): void {
    this.failures.delete(key);
  }

  private prune() {
    const cutoff = this.now() - this.options.maxDelayMs;
    for (const [key, record] of this.failures) if (record.blockedUntil < cutoff) this.failures.delete(key);
  }
}

const holder = globalThis as typeof globalThis & { __soundingLoginLimiter?: LoginLimiter };
export function loginLimiter(): LoginLimiter {
  holder.__soundingLoginLimiter ??= new LoginLimiter();
  return holder.__soundingLoginLimiter;
}
