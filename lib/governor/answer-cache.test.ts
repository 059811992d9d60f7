import { describe, expect, it } from "vitest";
import { DatabaseAnswerCache } from "@/lib/store/answer-cache-repository";
import { openTestDatabase } from "@/lib/store/db";
import { MemoryAnswerCache, type AnswerCache, type CachedAnswer } from "./answer-cache";

const answer = (key: string, tags: string[] = [], expiresAt = 2_000): CachedAnswer => ({
  key,
  value: { rows: [{ pageviews: "12" }], key },
  fetchedAt: 1_000,
  expiresAt,
  tags,
});

const implementations: Array<[string, () => Promise<AnswerCache>]> = [
  ["MemoryAnswerCache", async () => new MemoryAnswerCache()],
  ["DatabaseAnswerCache", async () => new DatabaseAnswerCache(await openTestDatabase())],
];

describe.each(implementations)("%s", (_name, make) => {
  it("gives back what was set, expired or not, and replaces by key", async () => {
    const cache = await make();
    expect(await cache.get("a")).toBeUndefined();
    await cache.set(answer("a", ["sites"], 500));
    expect(await cache.get("a")).toEqual(answer("a", ["sites"], 500));
    await cache.set({ ...answer("a"), value: [1, 2] });
    expect((await cache.get("a"))?.value).toEqual([1, 2]);
    await cache.delete("a");
    expect(await cache.get("a")).toBeUndefined();
  });

  it("drops by tag only the answers carrying exactly that tag", async () => {
    const cache = await make();
    await cache.set(answer("m1", ["site:AB_C:milestones", "site:AB_C"]));
    await cache.set(answer("m2", ["site:ABXC:milestones"]));
    await cache.set(answer("e1", ["site:AB_C:events"]));
    expect(await cache.deleteByTag("site:AB_C:milestones")).toBe(1);
    expect(await cache.get("m1")).toBeUndefined();
    expect(await cache.get("m2")).toBeDefined(); // `_` is not a wildcard
    expect(await cache.get("e1")).toBeDefined();
    expect(await cache.deleteByTag("site:AB_C")).toBe(0);
    expect(await cache.deleteByTag("site:AB_C:events")).toBe(1);
  });

  it("prunes answers whose freshness ended before a cut-off", async () => {
    const cache = await make();
    await cache.set(answer("old", [], 100));
    await cache.set(answer("new", [], 5_000));
    expect(await cache.prune(1_000)).toBe(1);
    expect(await cache.get("old")).toBeUndefined();
    expect(await cache.get("new")).toBeDefined();
  });
});

describe("MemoryAnswerCache", () => {
  it("holds at most its size, dropping the least recently used", () => {
    const cache = new MemoryAnswerCache(2);
    cache.put(answer("a", ["t"]));
    cache.put(answer("b"));
    cache.peek("a");
    cache.put(answer("c"));
    expect(cache.peek("b")).toBeUndefined();
    expect(cache.peek("a")).toBeDefined();
    expect(cache.size).toBe(2);
    expect(cache.removeTag("t")).toBe(1);
  });
});

describe("DatabaseAnswerCache", () => {
  it("is shared by every instance over the same database (a restart keeps its answers)", async () => {
    const db = await openTestDatabase();
    await new DatabaseAnswerCache(db).set(answer("closed", ["site:X"], 99_000));
    expect(await new DatabaseAnswerCache(db).get("closed")).toEqual(answer("closed", ["site:X"], 99_000));
  });
});
