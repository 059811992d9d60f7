import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { ApiError } from "@/lib/api/errors";
import { FakeUpstreamError, ManualUpstream, advance, readOf, settle, testGovernor, track, useFakeClock } from "./test-kit";

beforeEach(() => useFakeClock());
afterEach(() => vi.useRealTimers());

describe("single-flight", () => {
  it("serves identical concurrent misses from one upstream call", async () => {
    const { governor } = await testGovernor();
    const upstream = new ManualUpstream();
    const reads = Array.from({ length: 50 }, () => track(governor.read(readOf(upstream, "k"))));
    await settle();
    expect(upstream.count).toBe(1);
    await upstream.answer({ total: 14 });
    expect(reads.every((read) => read.done && (read.value as { data: unknown }).data !== undefined)).toBe(true);
    expect(reads.map((read) => (read.value as { data: unknown }).data)).toEqual(Array(50).fill({ total: 14 }));
    expect(reads.filter((read) => (read.value as { meta: { shared: boolean } }).meta.shared)).toHaveLength(49);
    const state = await governor.state();
    expect(state.cache).toMatchObject({ requests: 50, shared: 49, hits: 0 });
    expect(state.classes.reports.upstream.sinceStart).toBe(1);
  });

  it("hands every waiter the shared call's error", async () => {
    const { governor } = await testGovernor();
    const upstream = new ManualUpstream();
    const reads = [1, 2, 3].map(() => track(governor.read(readOf(upstream, "k"))));
    await settle();
    await upstream.fail(new FakeUpstreamError(400));
    expect(upstream.count).toBe(1);
    for (const read of reads) expect(read.error).toBeInstanceOf(FakeUpstreamError);
  });

  it("keeps different keys apart", async () => {
    const { governor } = await testGovernor();
    const upstream = new ManualUpstream();
    void governor.read(readOf(upstream, "a"));
    void governor.read(readOf(upstream, "b"));
    await settle();
    expect(upstream.keys()).toEqual(["a", "b"]);
  });
});

describe("the answer cache", () => {
  it("answers from the cache while fresh, then asks upstream again", async () => {
    const { governor } = await testGovernor();
    const upstream = new ManualUpstream();
    const first = track(governor.read(readOf(upstream, "k")));
    await settle();
    await upstream.answer("v1");
    expect(first.value).toMatchObject({ data: "v1", meta: { cached: false, stale: false, fetchedAt: "2026-03-10T12:00:00.000Z" } });

    await advance(59_000);
    const hit = await governor.read(readOf(upstream, "k"));
    expect(hit).toEqual({
      data: "v1",
      meta: { cached: true, stale: false, shared: false, fetchedAt: "2026-03-10T12:00:00.000Z", freshUntil: "2026-03-10T12:01:00.000Z" },
    });
    expect(upstream.count).toBe(1);

    await advance(1_000);
    const refresh = track(governor.read(readOf(upstream, "k")));
    await settle();
    expect(upstream.count).toBe(2);
    await upstream.answer("v2");
    expect(refresh.value).toMatchObject({ data: "v2", meta: { cached: false } });
  });

  it("drops tagged answers when told to, and does not keep an answer fetched across the invalidation", async () => {
    const { governor } = await testGovernor();
    const upstream = new ManualUpstream();
    const list = (key: string) => readOf(upstream, key, { cls: "management", tags: ["site:X:milestones"] });
    const first = track(governor.read(list("milestones")));
    await settle();
    await upstream.answer(["m1"]);
    expect(first.value).toMatchObject({ data: ["m1"] });
    await governor.invalidate("site:X:milestones");
    const during = track(governor.read(list("milestones")));
    await settle();
    expect(upstream.count).toBe(2);
    await governor.invalidate("site:X:milestones"); // a write lands while the list is being fetched
    await upstream.answer(["m1"]);
    expect(during.value).toMatchObject({ data: ["m1"] });
    void governor.read(list("milestones"));
    await settle();
    expect(upstream.count).toBe(3);
  });
});

describe("writes", () => {
  it("go through the management budget uncached and invalidate their tags on success", async () => {
    const { governor } = await testGovernor({ managementPerHour: 3 });
    const upstream = new ManualUpstream();
    const read = track(governor.read(readOf(upstream, "events", { cls: "management", tags: ["site:X:events"] })));
    await settle();
    await upstream.answer(["e1"]);
    expect(read.value).toMatchObject({ data: ["e1"] });

    let writes = 0;
    const created = await governor.write({ run: async () => ++writes, invalidates: ["site:X:events"] });
    expect(created).toBe(1);
    const after = track(governor.read(readOf(upstream, "events", { cls: "management", tags: ["site:X:events"] })));
    await settle();
    expect(upstream.count).toBe(2); // the list was dropped; this read spends the last management token
    await upstream.answer(["e1", "e2"]);
    expect(after.value).toMatchObject({ data: ["e1", "e2"] });
    await expect(governor.write({ run: async () => ++writes })).rejects.toMatchObject({ status: 429, code: "budget_exhausted" });
    expect(writes).toBe(1);
    expect((await governor.state()).classes.management.upstream.sinceStart).toBe(3);
  });

  it("are not retried, and an upstream 429 on a write pauses the class", async () => {
    const { governor } = await testGovernor();
    let calls = 0;
    const failing = governor.write({
      run: async () => {
        calls++;
        throw new FakeUpstreamError(429, 30);
      },
    });
    await expect(failing).rejects.toMatchObject({ status: 429, extra: { retryAfter: 30 } });
    expect(calls).toBe(1);
    expect((await governor.state()).classes.management.pausedUntil).toBe("2026-03-10T12:00:30.000Z");
  });
});

describe("errors", () => {
  it("are ApiErrors with a retryAfter when Sounding's budget refuses", async () => {
    const { governor } = await testGovernor({ reportsPerMinute: 1 });
    const upstream = new ManualUpstream();
    void governor.read(readOf(upstream, "a"));
    await settle();
    await upstream.answer(1);
    const refused = governor.read(readOf(upstream, "b", { priority: "poll" }));
    await expect(refused).rejects.toBeInstanceOf(ApiError);
    await expect(refused).rejects.toMatchObject({ status: 429, extra: { retryAfter: 60 } });
  });
});
