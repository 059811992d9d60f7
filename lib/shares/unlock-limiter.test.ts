import { describe, expect, it } from "vitest";
import { UnlockLimiter, unlockLimiter } from "./unlock-limiter";

const MINUTE = 60_000;

function limiterAt(start = 1_000_000) {
  const clock = { now: start };
  return { limiter: new UnlockLimiter(() => clock.now), clock };
}

/** `count` wrong passwords (reserved, never refunded). */
function fail(limiter: UnlockLimiter, count: number, shareId = 1, address = "203.0.113.9") {
  for (let i = 0; i < count; i++) expect(limiter.reserve(shareId, address).ok).toBe(true);
}

describe("UnlockLimiter", () => {
  it("locks an address out of a share after 5 wrong passwords, for 15 minutes from the first", () => {
    const { limiter, clock } = limiterAt();
    fail(limiter, 1);
    clock.now += 4 * MINUTE;
    fail(limiter, 4);
    expect(limiter.reserve(1, "203.0.113.9")).toEqual({ ok: false, retryAfterSeconds: 11 * 60 });
    expect(limiter.lockedFor(1, "203.0.113.9")).toBe(11 * 60);

    // When the first failure is 15 minutes old, one more try is allowed; a wrong one locks again until the second is.
    clock.now += 11 * MINUTE;
    expect(limiter.lockedFor(1, "203.0.113.9")).toBe(0);
    fail(limiter, 1);
    expect(limiter.lockedFor(1, "203.0.113.9")).toBe(4 * 60);
  });

  it("counts parallel attempts before any password is checked", () => {
    const { limiter } = limiterAt();
    const attempts = Array.from({ length: 20 }, () => limiter.reserve(1, "203.0.113.9"));
    expect(attempts.filter((attempt) => attempt.ok)).toHaveLength(5);
  });

  it("does not lock other shares or other addresses", () => {
    const { limiter } = limiterAt();
    fail(limiter, 5);
    expect(limiter.reserve(1, "203.0.113.9").ok).toBe(false);
    expect(limiter.reserve(2, "203.0.113.9").ok).toBe(true);
    expect(limiter.reserve(1, "198.51.100.7").ok).toBe(true);
    expect(limiter.lockedFor(2, "203.0.113.9")).toBe(0);
  });

  it("refunds a right password, so it never counts towards a lock", () => {
    const { limiter } = limiterAt();
    fail(limiter, 4);
    const right = limiter.reserve(1, "203.0.113.9");
    if (!right.ok) throw new Error("expected a ticket");
    limiter.succeeded(right.ticket);
    expect(limiter.lockedFor(1, "203.0.113.9")).toBe(0);
    expect(limiter.reserve(1, "203.0.113.9").ok).toBe(true);
    expect(limiter.reserve(1, "203.0.113.9").ok).toBe(false);
  });

  it("stays bounded under a flood of addresses and still locks the one that keeps guessing", () => {
    const { limiter } = limiterAt();
    fail(limiter, 5, 1, "attacker");
    for (let i = 0; i < 60_000; i++) limiter.reserve(1, `flood-${i}`);
    const size = (limiter as unknown as { failures: Map<string, number[]> }).failures.size;
    expect(size).toBeLessThanOrEqual(50_000);
    expect(limiter.reserve(1, "attacker").ok).toBe(false);
  });

  it("is one process-wide instance", () => {
    expect(unlockLimiter()).toBe(unlockLimiter());
  });
});
