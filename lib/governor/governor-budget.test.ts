import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { ManualUpstream, advance, cacheAnswer, readOf, settle, testGovernor, track, useFakeClock } from "./test-kit";

beforeEach(() => useFakeClock());
afterEach(() => vi.useRealTimers());

const patient = {
  interactive: { deadlineMs: 600_000, staleWaitMs: 600_000 },
  share: { deadlineMs: 600_000, staleWaitMs: 600_000 },
  poll: { deadlineMs: 600_000, staleWaitMs: 600_000 },
};

describe("the budget", () => {
  it("sends no more report requests than the bucket holds, and the rest once tokens come back", async () => {
    const { governor } = await testGovernor({ reportsPerMinute: 2, waits: patient });
    const upstream = new ManualUpstream();
    const reads = ["a", "b", "c"].map((key) => track(governor.read(readOf(upstream, key))));
    await settle();
    expect(upstream.keys()).toEqual(["a", "b"]);
    expect((await governor.state()).classes.reports).toMatchObject({ available: 0, queued: { interactive: 1 } });
    await upstream.answer(1);
    await upstream.answer(2);
    await advance(59_999);
    expect(upstream.count).toBe(2);
    await advance(1);
    expect(upstream.keys()).toEqual(["a", "b", "c"]);
    await upstream.answer(3);
    expect(reads.map((read) => read.done)).toEqual([true, true, true]);
  });

  it("serves the most urgent waiting request first: interactive, then share, then poll", async () => {
    const { governor } = await testGovernor({ reportsPerMinute: 1, waits: patient });
    const upstream = new ManualUpstream();
    void governor.read(readOf(upstream, "first"));
    await settle();
    await upstream.answer(0);
    void governor.read(readOf(upstream, "poll", { priority: "poll" }));
    void governor.read(readOf(upstream, "share", { priority: "share" }));
    void governor.read(readOf(upstream, "interactive", { priority: "interactive" }));
    await settle();
    expect((await governor.state()).classes.reports.queued).toEqual({ interactive: 1, share: 1, poll: 1 });
    for (const _ of [1, 2, 3]) {
      await advance(60_000);
      await upstream.answer(0);
    }
    expect(upstream.keys()).toEqual(["first", "interactive", "share", "poll"]);
  });

  it("moves a waiting call up when a more urgent caller joins it", async () => {
    const { governor } = await testGovernor({ reportsPerMinute: 1, waits: patient });
    const upstream = new ManualUpstream();
    void governor.read(readOf(upstream, "first"));
    await settle();
    void governor.read(readOf(upstream, "share", { priority: "share" }));
    void governor.read(readOf(upstream, "polled", { priority: "poll" }));
    void governor.read(readOf(upstream, "polled", { priority: "interactive" }));
    await advance(60_000);
    expect(upstream.keys()).toEqual(["first", "polled"]);
  });

  it("keeps at most the concurrency cap in flight", async () => {
    const { governor } = await testGovernor({ maxConcurrency: 2 });
    const upstream = new ManualUpstream();
    for (const key of ["a", "b", "c", "d"]) void governor.read(readOf(upstream, key));
    await settle();
    expect(upstream.count).toBe(2);
    expect((await governor.state()).concurrency).toEqual({ max: 2, inFlight: 2 });
    await upstream.answer(1);
    expect(upstream.keys()).toEqual(["a", "b", "c"]);
  });
});

describe("deadlines", () => {
  it("refuses at once, with the wait as retryAfter, what the budget cannot serve before the deadline", async () => {
    const { governor } = await testGovernor({ reportsPerMinute: 1 });
    const upstream = new ManualUpstream();
    void governor.read(readOf(upstream, "a"));
    await settle();
    await advance(15_000);
    await expect(governor.read(readOf(upstream, "b"))).rejects.toMatchObject({
      status: 429,
      code: "budget_exhausted",
      extra: { retryAfter: 45 },
    });
    expect(upstream.count).toBe(1);
    expect((await governor.state()).cache.rejected).toBe(1);
  });

  it("gives up on a request still waiting at its deadline, and does not send it afterwards", async () => {
    const { governor } = await testGovernor({ maxConcurrency: 1 });
    const upstream = new ManualUpstream();
    void governor.read(readOf(upstream, "slow"));
    await settle();
    const waiting = track(governor.read(readOf(upstream, "b", { priority: "share" })));
    await advance(14_999);
    expect(waiting.done).toBe(false);
    await advance(1);
    expect(waiting.error).toMatchObject({ status: 429, extra: { retryAfter: 1 } });
    await upstream.answer("slow answer");
    expect(upstream.keys()).toEqual(["slow"]);
    expect((await governor.state()).classes.reports.queued).toEqual({ interactive: 0, share: 0, poll: 0 });
  });
});

describe("stale answers", () => {
  const short = { ttlMs: 10_000, persist: false };

  it("serves the last good answer, marked stale, when the budget cannot refresh it in time", async () => {
    const { governor } = await testGovernor({ reportsPerMinute: 1 });
    const upstream = new ManualUpstream();
    await cacheAnswer(governor, upstream, "k", "good", short);
    await advance(20_000);
    const answer = await governor.read(readOf(upstream, "k", { freshness: short }));
    expect(answer).toEqual({
      data: "good",
      meta: { cached: true, stale: true, shared: false, fetchedAt: "2026-03-10T12:00:00.000Z", freshUntil: "2026-03-10T12:00:10.000Z" },
    });
    expect(upstream.count).toBe(1);
    expect((await governor.state()).cache.stale).toBe(1);
  });

  it("waits only briefly for a refresh when a last good answer can stand in", async () => {
    const { governor } = await testGovernor({ maxConcurrency: 1 });
    const upstream = new ManualUpstream();
    await cacheAnswer(governor, upstream, "k", "good", short);
    void governor.read(readOf(upstream, "blocker"));
    await advance(11_000);
    const polled = track(governor.read(readOf(upstream, "k", { freshness: short, priority: "poll" })));
    await advance(2_000);
    expect(polled.value).toMatchObject({ data: "good", meta: { stale: true } });
  });
});
