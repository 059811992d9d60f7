import "server-only";

/**
 * The share password throttle: 5 wrong passwords in 15 minutes from one address lock that address out of
 * that share (other shares and other addresses are not affected) until the oldest of those failures is 15
 * minutes old. Every attempt is counted before its password is checked, synchronously (nothing is awaited
 * between the check and the count), so parallel guesses cannot slip past while the first scrypt runs; a
 * right password refunds its own attempt.
 */
export const UNLOCK_MAX_FAILURES = 5;
export const UNLOCK_WINDOW_MS = 15 * 60_000;
const MAX_KEYS = 50_000;

export type UnlockTicket = { key: string; at: number };
export type UnlockReservation = { ok: true; ticket: UnlockTicket } | { ok: false; retryAfterSeconds: number };

export class UnlockLimiter {
  /** Failure times by `share|address`, oldest first; never more than UNLOCK_MAX_FAILURES each. */
  private readonly failures = new Map<string, number[]>();

  constructor(private readonly now: () => number = Date.now) {}

  /** Counts the attempt up front, or refuses it while this address is locked out of this share. */
  reserve(shareId: number, address: string): UnlockReservation {
    const now = this.now();
    const key = `${shareId}|${address}`;
    const times = this.recent(key, now);
    const wait = this.waitFor(times, now);
    if (wait > 0) return { ok: false, retryAfterSeconds: Math.ceil(wait / 1000) };
    times.push(now);
    // Re-inserted, so the map's order is the order of last attempts and the bound drops the quietest keys.
    this.failures.delete(key);
    this.failures.set(key, times);
    if (this.failures.size > MAX_KEYS) this.prune(now);
    return { ok: true, ticket: { key, at: now } };
  }

  /** The password was right: its attempt is not a failure. */
  succeeded(ticket: UnlockTicket): void {
    const times = this.failures.get(ticket.key);
    const index = times?.indexOf(ticket.at) ?? -1;
    if (!times || index < 0) return;
    times.splice(index, 1);
    if (times.length === 0) this.failures.delete(ticket.key);
  }

  /** Seconds until this address may try this share's password again; 0 when it may now. */
  lockedFor(shareId: number, address: string): number {
    const now = this.now();
    return Math.ceil(this.waitFor(this.recent(`${shareId}|${address}`, now), now) / 1000);
  }

  /** The failures of the last window (older ones are forgotten). */
  private recent(key: string, now: number): number[] {
    const times = (this.failures.get(key) ?? []).filter((at) => now - at < UNLOCK_WINDOW_MS);
    if (times.length === 0) this.failures.delete(key);
    return times;
  }

  private waitFor(times: number[], now: number): number {
    if (times.length < UNLOCK_MAX_FAILURES) return 0;
    return times[times.length - UNLOCK_MAX_FAILURES]! + UNLOCK_WINDOW_MS - now;
  }

  private prune(now: number) {
    for (const [key, times] of this.failures) if (times.every((at) => now - at >= UNLOCK_WINDOW_MS)) this.failures.delete(key);
    // Still too many (a flood of fresh addresses): drop the least recently tried, down to a margin below the
    // bound, keeping the addresses locked out for as long as any other is left (a flood must not free them).
    const target = MAX_KEYS * 0.8;
    for (const keepLocked of [true, false]) {
      for (const [key, times] of this.failures) {
        if (this.failures.size <= target) return;
        if (!keepLocked || times.length < UNLOCK_MAX_FAILURES) this.failures.delete(key);
      }
    }
  }
}

const holder = globalThis as typeof globalThis & { __soundingUnlockLimiter?: UnlockLimiter };
/** The process-wide throttle (on globalThis, so the page and every route bundle share it). */
export function unlockLimiter(): UnlockLimiter {
  holder.__soundingUnlockLimiter ??= new UnlockLimiter();
  return holder.__soundingUnlockLimiter;
}
