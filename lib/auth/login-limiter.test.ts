import { describe, expect, it } from "vitest";
import { DEFAULT_RULES, LoginLimiter, type LimiterRules } from "./login-limiter";

const rules = (overrides: Partial<LimiterRules> = {}): LimiterRules => ({ ...DEFAULT_RULES, ...overrides });
const attempt = (email: string, address: string, knownDeviceEmail: string | null = null) => ({ email, address, knownDeviceEmail });

describe("LoginLimiter", () => {
  it("counts attempts before they are checked: of 100 parallel guesses only the free ones get through", () => {
    const limiter = new LoginLimiter(rules(), () => 0);
    // A burst arrives before any password check finishes: every reservation happens first.
    const verdicts = Array.from({ length: 100 }, () => limiter.reserve(attempt("ada@example.com", "203.0.113.9")));
    expect(verdicts.filter((verdict) => verdict.ok)).toHaveLength(DEFAULT_RULES.accountAddress.freeFailures);
    const refused = verdicts.find((verdict) => !verdict.ok);
    expect(refused).toMatchObject({ ok: false, retryAfterSeconds: 1, reason: "accountAddress" });
  });

  it("doubles the wait after each further failure, up to the cap, and forgets after a quiet window", () => {
    let now = 0;
    const rule = { freeFailures: 2, baseDelayMs: 1_000, maxDelayMs: 4_000, windowMs: 60_000 };
    const limiter = new LoginLimiter(rules({ accountAddress: rule }), () => now);
    const waits: number[] = [];
    let accepted = 0;
    while (accepted < 6) {
      const verdict = limiter.reserve(attempt("a@b.co", "1.1.1.1"));
      if (verdict.ok) accepted++; // a wrong password: counted already
      else {
        waits.push(verdict.retryAfterSeconds);
        now += verdict.retryAfterSeconds * 1000;
      }
    }
    // Two free failures, then 1 s, 2 s, 4 s, and the 4 s cap.
    expect(waits).toEqual([1, 2, 4, 4]);
    now += 5 * 60_000;
    expect(limiter.reserve(attempt("a@b.co", "1.1.1.1")).ok).toBe(true);
  });

  it("a success refunds its attempt and clears the account's failures at that address", () => {
    const limiter = new LoginLimiter(rules(), () => 0);
    for (let i = 0; i < 4; i++) limiter.reserve(attempt("ada@example.com", "10.0.0.1"));
    const right = limiter.reserve(attempt("ada@example.com", "10.0.0.1"));
    expect(right.ok).toBe(true);
    if (right.ok) limiter.succeeded(right.ticket);
    for (let i = 0; i < 5; i++) expect(limiter.reserve(attempt("ada@example.com", "10.0.0.1")).ok).toBe(true);
  });

  it("an attacker's failures at their own address never lock the owner out at theirs", () => {
    const limiter = new LoginLimiter(rules(), () => 0);
    for (let i = 0; i < 20; i++) limiter.reserve(attempt("ada@example.com", "198.51.100.66"));
    expect(limiter.reserve(attempt("ada@example.com", "198.51.100.66")).ok).toBe(false);
    expect(limiter.reserve(attempt("ada@example.com", "192.0.2.10")).ok).toBe(true);
  });

  it("slows down one address spraying many accounts", () => {
    const limiter = new LoginLimiter(rules(), () => 0);
    const verdicts = Array.from({ length: 200 }, (_, i) => limiter.reserve(attempt(`user${i}@example.com`, "203.0.113.7")));
    expect(verdicts.filter((verdict) => verdict.ok)).toHaveLength(DEFAULT_RULES.address.freeFailures);
    expect(verdicts.at(-1)).toMatchObject({ ok: false, reason: "address" });
    // Another address is not affected.
    expect(limiter.reserve(attempt("user1@example.com", "198.51.100.1")).ok).toBe(true);
  });

  it("locks an account guessed from many addresses, except for browsers that signed in to it before", () => {
    const limiter = new LoginLimiter(rules(), () => 0);
    for (let i = 0; i < DEFAULT_RULES.account.freeFailures; i++) {
      expect(limiter.reserve(attempt("ada@example.com", `198.51.100.${i}`)).ok).toBe(true);
    }
    expect(limiter.reserve(attempt("ada@example.com", "192.0.2.200"))).toMatchObject({ ok: false, reason: "account" });
    expect(limiter.reserve(attempt("ada@example.com", "192.0.2.200", "ada@example.com")).ok).toBe(true);
    // A device that knows another account is no exemption for this one.
    expect(limiter.reserve(attempt("ada@example.com", "192.0.2.201", "bob@example.com")).ok).toBe(false);
  });

  it("stays bounded under a flood of distinct keys", () => {
    const limiter = new LoginLimiter(rules(), () => 0);
    for (let i = 0; i < 60_000; i++) limiter.reserve(attempt(`u${i}@x.co`, `a${i}`));
    expect((limiter as unknown as { counters: Map<string, unknown> }).counters.size).toBeLessThanOrEqual(50_000);
  });
});
