import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import { MemoryBuckets, type Buckets } from "./buckets";
import { RedisBuckets } from "./redis-buckets";
import type { RedisLink } from "./redis-connection";
import { dropRedis, ENGINES, testRedis } from "./redis-test-kit";

const limits = { reports: { capacity: 3, windowMs: 60_000 }, management: { capacity: 100, windowMs: 3_600_000 } };

let base: RedisLink | undefined;
let made = 0;
const opened: RedisBuckets[] = [];
afterAll(async () => {
  for (const buckets of opened) buckets.close();
  if (base) await dropRedis(base);
});

/** Fresh buckets of the engine; on Redis each with keys of its own, on the caller's clock as the in-process ones. */
async function bucketsOn(engine: "memory" | "redis", maxConcurrency: number): Promise<Buckets> {
  if (engine === "memory") return new MemoryBuckets(limits, maxConcurrency);
  base ??= await testRedis();
  const link = { ...base, prefix: `${base.prefix}${++made}:` };
  const buckets = new RedisBuckets(link, limits, maxConcurrency, { callerClock: true });
  opened.push(buckets);
  return buckets;
}

describe.each(ENGINES)("buckets on %s", (engine) => {
  it("refills each spent request exactly one window after it was spent", async () => {
    const buckets = await bucketsOn(engine, 5);
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
        const buckets = await bucketsOn(engine, 5);
        const taken: number[] = [];
        let now = 0;
        for (const gap of gaps) {
          now += gap;
          if ((await buckets.tryTake("reports", now)).ok) taken.push(now);
        }
        for (let i = 3; i < taken.length; i++) expect(taken[i]! - taken[i - 3]!).toBeGreaterThanOrEqual(60_000);
      }),
      { numRuns: engine === "redis" ? 25 : 100 },
    );
  });

  it("takes nothing while paused and reports the pause", async () => {
    const buckets = await bucketsOn(engine, 5);
    await buckets.pause("reports", 7_000);
    expect(await buckets.tryTake("reports", 1_000)).toEqual({ ok: false, retryInMs: 6_000 });
    expect(await buckets.level("reports", 1_000)).toMatchObject({ available: 0, pausedUntil: 7_000 });
    expect(await buckets.tryTake("reports", 7_000)).toEqual({ ok: true });
  });

  it("estimates when the n-th next request could start", async () => {
    const buckets = await bucketsOn(engine, 5);
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
    const buckets = await bucketsOn(engine, 2);
    expect(await buckets.tryAcquireSlot()).toBe(true);
    expect(await buckets.tryAcquireSlot()).toBe(true);
    expect(await buckets.tryAcquireSlot()).toBe(false);
    await buckets.releaseSlot();
    expect(await buckets.tryAcquireSlot()).toBe(true);
    expect(await buckets.slots()).toEqual({ max: 2, inUse: 2 });
  });
});

/** Several instances on one Redis: each its own RedisBuckets, on Redis's clock, as in production. */
describe.each(ENGINES.filter((engine) => engine === "redis"))("buckets shared through %s", () => {
  async function instances(count: number, options: { leaseMs?: number; maxConcurrency?: number } = {}) {
    base ??= await testRedis();
    const link = { ...base, prefix: `${base.prefix}${++made}:` };
    return Array.from({ length: count }, () => {
      const buckets = new RedisBuckets(link, limits, options.maxConcurrency ?? 5, { leaseMs: options.leaseMs });
      opened.push(buckets);
      return buckets;
    });
  }

  it("lets no more than the capacity into a window however many instances take at once", async () => {
    const cluster = await instances(4);
    const results = await Promise.all(cluster.flatMap((buckets) => Array.from({ length: 5 }, () => buckets.tryTake("reports", Date.now()))));
    expect(results.filter((result) => result.ok)).toHaveLength(3);
    for (const result of results.filter((result) => !result.ok)) expect(result).toMatchObject({ retryInMs: expect.any(Number) });
    const levels = await Promise.all(cluster.map((buckets) => buckets.level("reports", Date.now())));
    expect(levels.map((level) => level.available)).toEqual([0, 0, 0, 0]);
  });

  it("shares a pause: a 429's Retry-After seen by one instance holds every instance", async () => {
    const [a, b] = await instances(2);
    await a!.pause("reports", Date.now() + 5_000);
    const take = await b!.tryTake("reports", Date.now());
    expect(take.ok).toBe(false);
    expect(take.ok === false && take.retryInMs).toBeGreaterThan(4_000);
    expect((await b!.level("reports", Date.now())).pausedUntil).not.toBeNull();
  });

  it("caps requests in flight across instances, and gives back a dead instance's slots when its leases expire", async () => {
    const [a, b] = await instances(2, { maxConcurrency: 2, leaseMs: 300 });
    expect(await a!.tryAcquireSlot()).toBe(true);
    expect(await a!.tryAcquireSlot()).toBe(true);
    expect(await b!.tryAcquireSlot()).toBe(false);
    expect(await b!.slots()).toEqual({ max: 2, inUse: 2 });
    // `a` dies holding both: it stops renewing, and its leases run out.
    a!.close();
    await new Promise((resolve) => setTimeout(resolve, 450));
    expect(await b!.tryAcquireSlot()).toBe(true);
    expect(await b!.slots()).toEqual({ max: 2, inUse: 1 });
  });

  it("keeps a live instance's slots past the lease by renewing them", async () => {
    // Renewed every 400 ms, a 1.2 s lease survives a busy event loop missing two renewals.
    const [a, b] = await instances(2, { maxConcurrency: 1, leaseMs: 1_200 });
    expect(await a!.tryAcquireSlot()).toBe(true);
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    expect(await b!.tryAcquireSlot()).toBe(false);
    await a!.releaseSlot();
    expect(await b!.tryAcquireSlot()).toBe(true);
  });
});
