import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { fathomErrorFromResponse } from "@/lib/fathom/errors";
import {
  FakeUpstreamError,
  ManualUpstream,
  START,
  advance,
  cacheAnswer,
  readInFlight,
  readOf,
  settle,
  testGovernor,
  track,
  useFakeClock,
} from "./test-kit";

beforeEach(() => useFakeClock());
afterEach(() => vi.useRealTimers());

/** The error the Fathom client builds for a 429 with this Retry-After header. */
const fathom429 = (retryAfter: string) =>
  fathomErrorFromResponse(429, new Headers({ "retry-after": retryAfter }), { message: "Too Many Attempts." }, (text) => text, Date.now());

describe("Retry-After", () => {
  it.each([
    ["delta-seconds", () => "7", 7_000],
    ["an HTTP date", () => new Date(START + 12_000).toUTCString(), 12_000],
  ])("is honoured in %s: nothing of the class is sent before it runs out", async (_form, header, waitMs) => {
    const { governor, upstream, read } = await readInFlight();
    await upstream.fail(fathom429(header()));
    expect((await governor.state()).classes.reports.pausedUntil).toBe(new Date(START + waitMs).toISOString());
    const other = track(governor.read(readOf(upstream, "other")));
    await advance(waitMs - 1);
    expect(upstream.count).toBe(1);
    await advance(100); // the pause, plus the retry's small jitter
    expect(upstream.keys()).toEqual(["k", "other", "k"]);
    await upstream.answer("other answer");
    await upstream.answer("fresh");
    expect(read.value).toMatchObject({ data: "fresh", meta: { stale: false } });
    expect(other.value).toMatchObject({ data: "other answer" });
  });

  it("on a 503 delays the retry without pausing the class", async () => {
    const { governor, upstream, read } = await readInFlight();
    await upstream.fail(new FakeUpstreamError(503, 3));
    expect((await governor.state()).classes.reports.pausedUntil).toBeNull();
    void governor.read(readOf(upstream, "other"));
    await settle();
    expect(upstream.keys()).toEqual(["k", "other"]);
    await advance(2_999);
    expect(upstream.count).toBe(2);
    await advance(100);
    expect(upstream.keys()).toEqual(["k", "other", "k"]);
    await upstream.answer("x");
    await upstream.answer("ok");
    expect(read.value).toMatchObject({ data: "ok" });
  });

  it("that outlasts every caller's deadline is not waited out: the caller gets a 429 with the wait", async () => {
    const { upstream, read } = await readInFlight();
    await upstream.fail(fathom429("120"));
    expect(read.error).toMatchObject({ status: 429, code: "upstream_rate_limited", extra: { retryAfter: 120 } });
    await advance(200_000);
    expect(upstream.count).toBe(1);
  });
});

describe("retries", () => {
  it.each([400, 401, 404, 410, 422])("never retries a %i", async (status) => {
    const { upstream, read } = await readInFlight();
    await upstream.fail(new FakeUpstreamError(status));
    await advance(60_000);
    expect(upstream.count).toBe(1);
    expect(read.error).toMatchObject({ status });
  });

  it("retries a failing idempotent read a bounded number of times, with growing jittered delays", async () => {
    let random = 0;
    const { upstream, read } = await readInFlight({ random: () => random, maxRetries: 2, retryBaseMs: 1_000 });
    await upstream.fail(new FakeUpstreamError(500));
    await advance(499); // base 1 s × (0.5 + random 0)
    expect(upstream.count).toBe(1);
    await advance(1);
    expect(upstream.count).toBe(2);
    random = 0.99;
    await upstream.fail(new FakeUpstreamError(502));
    await advance(2_970); // 2 s × 1.49
    expect(upstream.count).toBe(2);
    await advance(10);
    expect(upstream.count).toBe(3);
    await upstream.fail(Object.assign(new Error("no answer"), { name: "TimeoutError" }));
    await advance(60_000);
    expect(upstream.count).toBe(3);
    expect(read.error).toMatchObject({ name: "TimeoutError" });
  });

  it("does not retry an error that is not an upstream failure (a bug stays visible)", async () => {
    const { upstream, read } = await readInFlight();
    await upstream.fail(new TypeError("cannot read properties of undefined"));
    await advance(60_000);
    expect(upstream.count).toBe(1);
    expect(read.error).toBeInstanceOf(TypeError);
  });
});

describe("a failed refresh", () => {
  const short = { ttlMs: 10_000, persist: false };

  /** A good answer for "k" that went stale 5 s ago, and its refresh sent upstream, not yet answered. */
  async function refreshing() {
    const { governor, memory } = await testGovernor();
    const upstream = new ManualUpstream();
    await cacheAnswer(governor, upstream, "k", "good", short);
    await advance(15_000);
    const refresh = track(governor.read(readOf(upstream, "k", { freshness: short })));
    await settle();
    return { governor, memory, upstream, refresh };
  }

  it("never evicts the good answer: it is served stale, and the next refresh can still replace it", async () => {
    const { governor, memory, upstream, refresh } = await refreshing();
    await upstream.fail(new FakeUpstreamError(500));
    await advance(1_000);
    await upstream.fail(new FakeUpstreamError(500));
    await advance(2_000);
    await upstream.fail(new FakeUpstreamError(503));
    expect(refresh.value).toMatchObject({ data: "good", meta: { stale: true, fetchedAt: new Date(START).toISOString() } });
    expect(memory.peek("k")?.value).toBe("good");

    const next = track(governor.read(readOf(upstream, "k", { freshness: short })));
    await settle();
    await upstream.answer("better");
    expect(next.value).toMatchObject({ data: "better", meta: { stale: false } });
  });

  it("with a definitive error (404) reaches the caller but still keeps the cached answer", async () => {
    const { memory, upstream, refresh } = await refreshing();
    await upstream.fail(new FakeUpstreamError(404));
    expect(refresh.error).toMatchObject({ status: 404 });
    expect(memory.peek("k")?.value).toBe("good");
  });
});
