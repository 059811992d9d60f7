import { describe, expect, it } from "vitest";
import { LoginLimiter } from "./login-limiter";

describe("LoginLimiter", () => {
  it("lets the first attempts through, then doubles the wait after each failure", () => {
    let now = 0;
    const limiter = new LoginLimiter({ freeAttempts: 3, baseDelayMs: 1000, maxDelayMs: 60_000 }, () => now);
    for (let i = 0; i < 3; i++) limiter.recordFailure("a@b.c");
    expect(limiter.retryAfterSeconds("a@b.c")).toBe(0);
    limiter.recordFailure("a@b.c");
    expect(limiter.retryAfterSeconds("a@b.c")).toBe(1);
    limiter.recordFailure("a@b.c");
    expect(limiter.retryAfterSeconds("a@b.c")).toBe(2);
    now += 2000;
    expect(limiter.retryAfterSeconds("a@b.c")).toBe(0);
    expect(limiter.retryAfterSeconds("other@b.c")).toBe(0);
  });

  it("caps the wait and forgets an email after a successful sign-in", () => {
    const limiter = new LoginLimiter({ freeAttempts: 0, baseDelayMs: 1000, maxDelayMs: 4000 }, () => 0);
    for (let i = 0; i < 10; i++) limiter.recordFailure("x@y.z");
    expect(limiter.retryAfterSeconds("x@y.z")).toBe(4);
    limiter.recordSuccess("x@y.z");
    expect(limiter.retryAfterSeconds("x@y.z")).toBe(0);
  });
});
