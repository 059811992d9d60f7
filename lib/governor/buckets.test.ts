import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { MemoryBuckets } from "./buckets";

const limits = { reports: { capacity: 3, windowMs: 60_000 }, management: { capacity: 100, windowMs: 3_600_000 } };

describe("MemoryBuckets", () => {
  it("refills each spent request exactly one window after it was spent", async () => {
    const buckets = new MemoryBuckets(limits, 5);
    expect(await buckets.tryTake("reports", 0)).toEqual({ ok: true });
    expect(await buckets.tryTake("reports", 10_000)).toEqual({ ok: true });
    expect(await buckets.tryTake("reports", 20_000)).toEqual({ ok: true });
    expect(await buckets.tryTake("reports", 30_000)).toEqual({ ok: false, retryInMs: 30_000 });
    expect((await buckets.level("reports", 30_000)).available).toBe(0);
    expect(await buckets.tryTake("reports", 60_000)).toEqual({ ok: true });
    expect(await buckets.tryTake("reports", 60_000)).toEqual({ ok: false, retryInMs: 10_000 });
    expect((await buckets.level("reports", 70_000)).available).toBe(1);
    // the classes are independent
    expect(await buckets.tryTake("management", 30_000)).toEqual({ ok: true });
  });

  it("never lets more than the capacity into any window, whatever the timing", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.integer({ min: 0, max: 5_000 }), { maxLength: 200 }), async (gaps) => {
        const buckets = new MemoryBuckets(limits, 5);
        const taken: number[] = [];
        let now = 0;
        for (const gap of gaps) {
          now += gap;
          if ((await buckets.tryTake("reports", now)).ok) taken.push(now);
        }
        for (let i = 3; i < taken.length; i++) expect(taken[i]! - taken[i - 3]!).toBeGreaterThanOrEqual(60_000);
      }),
    );
  });

  it("takes nothing while paused and reports the pause", async () => {
    const buckets = new MemoryBuckets(limits, 5);
    await buckets.pause("reports", 7_000);
    expect(await buckets.tryTake("reports", 1_000)).toEqual({ ok: false, retryInMs: 6_000 });
    expect(await buckets.level("reports", 1_000)).toMatchObject({ available: 0, pausedUntil: 7_000 });
    expect(await buckets.tryTake("reports", 7_000)).toEqual({ ok: true });
  });

  it("estimates when the n-th next request could start", async () => {
    const buckets = new MemoryBuckets(limits, 5);
    await buckets.tryTake("reports", 0);
    await buckets.tryTake("reports", 5_000);
    expect(await buckets.estimateWaitMs("reports", 1, 10_000)).toBe(0);
    expect(await buckets.estimateWaitMs("reports", 2, 10_000)).toBe(50_000);
    expect(await buckets.estimateWaitMs("reports", 3, 10_000)).toBe(55_000);
    expect(await buckets.estimateWaitMs("reports", 4, 10_000)).toBe(60_000);
    await buckets.pause("reports", 20_000);
    expect(await buckets.estimateWaitMs("reports", 1, 10_000)).toBe(10_000);
  });

  it("caps requests in flight", async () => {
    const buckets = new MemoryBuckets(limits, 2);
    expect(await buckets.tryAcquireSlot()).toBe(true);
    expect(await buckets.tryAcquireSlot()).toBe(true);
    expect(await buckets.tryAcquireSlot()).toBe(false);
    await buckets.releaseSlot();
    expect(await buckets.tryAcquireSlot()).toBe(true);
    expect(await buckets.slots()).toEqual({ max: 2, inUse: 2 });
  });
});
