/**
 * Several instances of Sounding on one Redis, as behind a load balancer: each a Governor of its own (its own
 * memory, scheduler and flights) sharing the budget, the answers and the upstream calls. Real timers and a
 * fake Fathom that answers after a short delay, so calls from both instances overlap as they would.
 */
import { afterAll, describe, expect, it, vi } from "vitest";
import type { ApiError } from "@/lib/api/errors";
import { MemoryAnswerCache } from "./answer-cache";
import type { RequestClass } from "./budget-state";
import type { BucketLimit } from "./buckets";
import { Governor } from "./governor";
import type { ReadRequest } from "./read-request";
import { RedisAnswers } from "./redis-answers";
import { RedisBuckets } from "./redis-buckets";
import { openRedis, whenReady, type RedisLink } from "./redis-connection";
import { dropRedis, ENGINES, testRedis } from "./redis-test-kit";
import { RedisUsageStore } from "./redis-usage";

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

type Closable = { close(): void };
const links: RedisLink[] = [];
const closables: Closable[] = [];
afterAll(async () => {
  for (const closable of closables) closable.close();
  await Promise.all(links.map((link) => (link.prefix.startsWith("sounding-test-") ? dropRedis(link) : link.close())));
});

/** A fake Fathom: each call is counted by key and answered `{ key, n }` after `delayMs`. */
function fakeFathom(delayMs = 60) {
  const calls: string[] = [];
  return {
    calls,
    count: (key: string) => calls.filter((call) => call === key).length,
    fetcher: (key: string) => async () => {
      calls.push(key);
      await sleep(delayMs);
      return { key, n: calls.length };
    },
  };
}

function limits(reportsPerMinute: number): Record<RequestClass, BucketLimit> {
  return { reports: { capacity: reportsPerMinute, windowMs: 60_000 }, management: { capacity: 2000, windowMs: 3_600_000 } };
}

type Instance = { governor: Governor; memory: MemoryAnswerCache; answers: RedisAnswers };

/** `count` instances on one Redis (a prefix of their own, so each test is a deployment of its own). */
async function cluster(
  count: number,
  options: { reportsPerMinute?: number; claimLeaseMs?: number; link?: RedisLink; foldWindowMs?: number } = {},
): Promise<Instance[]> {
  const base = options.link ?? (await testRedis());
  links.push(base);
  return Promise.all(
    Array.from({ length: count }, async () => {
      // Each instance has connections of its own, as separate processes would.
      const link = options.link ?? openRedis(process.env.TEST_REDIS_URL!, { prefix: base.prefix, onError: () => undefined });
      if (!options.link) links.push(link);
      await whenReady(link);
      const buckets = new RedisBuckets(link, limits(options.reportsPerMinute ?? 10), 5);
      const answers = new RedisAnswers(link, { claimLeaseMs: options.claimLeaseMs, checkEveryMs: 50 });
      closables.push(buckets, answers);
      const memory = new MemoryAnswerCache();
      const governor = await Governor.create({
        buckets,
        shared: answers,
        memory,
        usage: new RedisUsageStore(link),
        random: () => 0.5,
        onError: () => undefined,
        foldWindowMs: options.foldWindowMs ?? 0,
        waits: {
          interactive: { deadlineMs: 3_000, staleWaitMs: 1_000 },
          share: { deadlineMs: 3_000, staleWaitMs: 1_000 },
          poll: { deadlineMs: 2_000, staleWaitMs: 500 },
        },
      });
      return { governor, memory, answers };
    }),
  );
}

function readOf(fathom: ReturnType<typeof fakeFathom>, key: string, extra: Partial<ReadRequest<unknown>> = {}): ReadRequest<unknown> {
  return { key, cls: "reports", priority: "interactive", freshness: { ttlMs: 60_000, persist: false }, fetch: fathom.fetcher(key), ...extra };
}

describe.each(ENGINES.filter((engine) => engine === "redis"))("instances sharing %s", () => {
  it("asks Fathom once for a question viewers on both instances ask at once, and gives them all its answer", async () => {
    const [a, b] = await cluster(2);
    const fathom = fakeFathom();
    const answers = await Promise.all(Array.from({ length: 10 }, (_, i) => (i % 2 ? a! : b!).governor.read(readOf(fathom, "dashboard:tile"))));
    expect(fathom.count("dashboard:tile")).toBe(1);
    expect(new Set(answers.map((answer) => JSON.stringify(answer.data))).size).toBe(1);
    // The instance that did not ask Fathom says its viewers were served another's call.
    expect(answers.some((answer) => answer.meta.shared)).toBe(true);
    // And a later viewer on either instance is served the kept answer.
    const later = await b!.governor.read(readOf(fathom, "dashboard:tile"));
    expect(later.meta.cached || later.meta.shared).toBe(true);
    expect(fathom.count("dashboard:tile")).toBe(1);
  });

  it("spends one budget: distinct questions through both instances never take more than the plan's limit", async () => {
    const [a, b] = await cluster(2, { reportsPerMinute: 4 });
    const fathom = fakeFathom(20);
    const outcomes = await Promise.allSettled(
      Array.from({ length: 8 }, (_, i) => (i % 2 ? a! : b!).governor.read(readOf(fathom, `report:${i}`))),
    );
    expect(fathom.calls).toHaveLength(4);
    const refused = outcomes.filter((outcome) => outcome.status === "rejected").map((outcome) => outcome.reason as ApiError);
    expect(refused).toHaveLength(4);
    for (const error of refused) expect(error).toMatchObject({ status: 429, code: "budget_exhausted" });
    const [stateA, stateB] = await Promise.all([a!.governor.state(), b!.governor.state()]);
    expect(stateA.classes.reports.available).toBe(0);
    expect(stateB.classes.reports.available).toBe(0);
    // Today's count is the deployment's, whichever instance sent them (each instance adds its own to Redis
    // as it sends, on its own connection: the other's addition may land a moment after this one asks).
    for (const instance of [a!, b!]) {
      await vi.waitFor(async () => expect((await instance.governor.state()).classes.reports.upstream.today).toBe(4), { timeout: 5_000, interval: 50 });
    }
  });

  it("drops an answer on every instance when a write on one makes it wrong", async () => {
    const [a, b] = await cluster(2);
    const fathom = fakeFathom();
    const tags = ["site:CDBUGS:milestones"];
    await a!.governor.read(readOf(fathom, "milestones", { tags }));
    await b!.governor.read(readOf(fathom, "milestones", { tags }));
    expect(fathom.count("milestones")).toBe(1);
    expect(b!.memory.peek("milestones")).toBeDefined();
    await a!.governor.invalidate("site:CDBUGS:milestones");
    // The invalidation reaches B through Redis's pub/sub, a moment later.
    await vi.waitFor(() => expect(b!.memory.peek("milestones")).toBeUndefined(), { timeout: 5_000, interval: 20 });
    await b!.governor.read(readOf(fathom, "milestones", { tags }));
    expect(fathom.count("milestones")).toBe(2);
  });

  it("does not wait forever on an instance that died while asking: its claim runs out and another asks", async () => {
    const [a, b] = await cluster(2, { claimLeaseMs: 300 });
    const fathom = fakeFathom();
    // "A" claimed the call and died before answering (a claim nobody renews or ends).
    expect(await a!.answers.claim("orphan", "dead-instance")).toBe(true);
    a!.answers.close();
    const started = Date.now();
    const answer = await b!.governor.read(readOf(fathom, "orphan"));
    expect(answer.data).toMatchObject({ key: "orphan" });
    expect(fathom.count("orphan")).toBe(1);
    expect(Date.now() - started).toBeLessThan(2_000);
  });

  it("lets the next instance ask when the call of the one that claimed it fails", async () => {
    const [a, b] = await cluster(2);
    let first = true;
    const calls: string[] = [];
    let asking!: () => void;
    const aIsAsking = new Promise<void>((resolve) => (asking = resolve));
    const flaky = (key: string) => async () => {
      calls.push(key);
      asking();
      await sleep(60);
      if (first) {
        first = false;
        throw Object.assign(new Error("not found"), { status: 404 });
      }
      return { ok: true };
    };
    const outcomes = await Promise.allSettled([
      a!.governor.read({ ...readOf(fakeFathom(), "k"), fetch: flaky("k") }),
      (async () => {
        // B asks once A holds the claim and is asking Fathom (however long A took to get there).
        await aIsAsking;
        return b!.governor.read({ ...readOf(fakeFathom(), "k"), fetch: flaky("k") });
      })(),
    ]);
    expect(outcomes[0]).toMatchObject({ status: "rejected" });
    // B waited for A's call, saw it end without an answer, and asked itself.
    expect(outcomes[1]).toMatchObject({ status: "fulfilled", value: { data: { ok: true } } });
    expect(calls).toHaveLength(2);
  });
});

describe("an instance whose Redis cannot be reached", () => {
  async function lonely() {
    // Nothing listens on port 1: every command fails at once, as during an outage.
    const link = openRedis("redis://127.0.0.1:1", { prefix: "sounding-unreachable:", onError: () => undefined });
    links.push(link);
    const buckets = new RedisBuckets(link, limits(10), 5);
    const answers = new RedisAnswers(link);
    closables.push(buckets, answers);
    const memory = new MemoryAnswerCache();
    const governor = await Governor.create({ buckets, shared: answers, memory, onError: () => undefined, foldWindowMs: 0 });
    return { governor, memory };
  }

  it("refuses to ask Fathom with a 503 that says why, rather than spend an unshared budget", async () => {
    const { governor } = await lonely();
    const fathom = fakeFathom();
    await expect(governor.read(readOf(fathom, "report"))).rejects.toMatchObject({ status: 503, code: "budget_unreachable", extra: { retryAfter: 5 } });
    await expect(governor.write({ run: async () => "written" })).rejects.toMatchObject({ status: 503, code: "budget_unreachable" });
    expect(fathom.calls).toHaveLength(0);
  });

  it("says the shared budget is unreachable when the admin asks for its state, instead of failing with a 500", async () => {
    const { governor } = await lonely();
    await expect(governor.state()).rejects.toMatchObject({ status: 503, code: "budget_unreachable" });
  });

  it("still answers from what it has: fresh answers as they are, older ones marked stale", async () => {
    const { governor, memory } = await lonely();
    const fathom = fakeFathom();
    const now = Date.now();
    memory.put({ key: "fresh", value: { n: 1 }, fetchedAt: now, expiresAt: now + 60_000, tags: [] });
    memory.put({ key: "old", value: { n: 2 }, fetchedAt: now - 120_000, expiresAt: now - 60_000, tags: [] });
    expect(await governor.read(readOf(fathom, "fresh"))).toMatchObject({ data: { n: 1 }, meta: { stale: false } });
    expect(await governor.read(readOf(fathom, "old"))).toMatchObject({ data: { n: 2 }, meta: { stale: true } });
    expect(fathom.calls).toHaveLength(0);
  });
});

describe.each(ENGINES.filter((engine) => engine === "redis"))("the concurrency cap shared through %s", () => {
  it("starts a waiting call when another instance frees the slot it needed", async () => {
    const base = await testRedis();
    links.push(base);
    const make = async () => {
      const link = openRedis(process.env.TEST_REDIS_URL!, { prefix: base.prefix, onError: () => undefined });
      links.push(link);
      await whenReady(link);
      const buckets = new RedisBuckets(link, limits(10), 1);
      const answers = new RedisAnswers(link);
      closables.push(buckets, answers);
      return Governor.create({ buckets, shared: answers, onError: () => undefined, foldWindowMs: 0 });
    };
    const [a, b] = await Promise.all([make(), make()]);
    const fathom = fakeFathom(400);
    const slow = a.read(readOf(fathom, "slow"));
    await sleep(50);
    const started = Date.now();
    // B's call needs the one slot A holds: it starts once A's call is done, without anything else on B.
    const waiting = await b.read(readOf(fathom, "next"));
    expect(waiting.data).toMatchObject({ key: "next" });
    expect(Date.now() - started).toBeGreaterThanOrEqual(250);
    await slow;
  });
});

describe.each(ENGINES.filter((engine) => engine === "redis"))("folded reads across instances sharing %s", () => {
  it("asks once for a dashboard's folded tiles however the viewers are split between instances", async () => {
    const [a, b] = await cluster(2, { foldWindowMs: 60 });
    const sent: string[][] = [];
    const tile = (columns: string[]) => ({
      cls: "reports" as const,
      priority: "interactive" as const,
      freshness: { ttlMs: 60_000, persist: true },
      foldKey: "fold:visits-by-day",
      columns,
      keyFor: (union: readonly string[]) => `exact:${[...union].sort().join(",")}`,
      order: (union: Iterable<string>) => [...new Set(union)].sort(),
      fetch: async (union: readonly string[]) => {
        sent.push([...union]);
        // Long enough that every viewer below asks while it is in flight, however busy the machine.
        await sleep(400);
        return [{ date: "2026-11-01", ...Object.fromEntries(union.map((column) => [column, 1])) }];
      },
    });
    const answers = await Promise.all(
      Array.from({ length: 20 }, async (_, i) => {
        await sleep(i * 7);
        return (i % 2 ? a! : b!).governor.folding.read(tile(i % 3 ? ["visits"] : ["visits", "pageviews"]));
      }),
    );
    expect(answers).toHaveLength(20);
    expect(sent).toEqual([["pageviews", "visits"]]);
  });
});

describe.each(ENGINES.filter((engine) => engine === "redis"))("a question answered elsewhere while this instance got ready, on %s", () => {
  it("is not asked again: the instance looks once more after its claim succeeds", async () => {
    const [a, b] = await cluster(2);
    const fathom = fakeFathom(50);
    let answeredOnA!: Promise<unknown>;
    // B is slow to learn its place in the queue (a busy Redis, a busy event loop): A asks and answers meanwhile.
    const slow = b!.governor as unknown as { scheduler: { estimateWaitMs: (...args: unknown[]) => Promise<number> } };
    const estimate = slow.scheduler.estimateWaitMs.bind(slow.scheduler);
    slow.scheduler.estimateWaitMs = async (...args) => {
      answeredOnA ??= a!.governor.read(readOf(fathom, "tile"));
      await answeredOnA;
      return estimate(...args);
    };
    const fromB = await b!.governor.read(readOf(fathom, "tile"));
    const fromA = (await answeredOnA) as Awaited<ReturnType<Governor["read"]>>;
    expect(fathom.count("tile")).toBe(1);
    expect(fromB.data).toEqual(fromA.data);
    expect(fromB.meta.shared).toBe(true);
  });
});
