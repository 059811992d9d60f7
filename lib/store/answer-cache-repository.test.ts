/**
 * The persistent answer cache as the store keeps it, on whichever engine the project runs (SQLite, or
 * PostgreSQL in the postgres project): tags match exactly, and times are epoch milliseconds as numbers.
 */
import { describe, expect, it } from "vitest";
import { DatabaseAnswerCache } from "./answer-cache-repository";
import { openTestDatabase } from "./db";

const answer = (key: string, tags: string[], expiresAt = Date.UTC(2026, 5, 1)) => ({ key, value: { key }, fetchedAt: Date.UTC(2026, 4, 1), expiresAt, tags });

describe("DatabaseAnswerCache", () => {
  it("drops by tag exactly: case, wildcards, escape characters and quotes are plain text", async () => {
    const cache = new DatabaseAnswerCache(await openTestDatabase());
    const tags = ["site:ABC", "site:abc", "site:A%C", "site:A_C", "site:A!C", "site:A\\C", 'site:A"C', "site:AXC"];
    for (const tag of tags) await cache.set(answer(tag, [tag, `${tag}:events`]));
    for (const tag of tags) {
      expect(await cache.deleteByTag(tag), tag).toBe(1);
      expect(await cache.get(tag), tag).toBeUndefined();
    }
    expect(await cache.deleteByTag("site:")).toBe(0);
  });

  it("keeps epoch milliseconds past 32 bits, and gives them back as numbers", async () => {
    const cache = new DatabaseAnswerCache(await openTestDatabase());
    const far = answer("far", ["t"], 8_640_000_000_000);
    await cache.set(far);
    expect(await cache.get("far")).toEqual(far);
    expect(await cache.prune(8_639_999_999_999)).toBe(0);
    expect(await cache.prune(8_640_000_000_001)).toBe(1);
  });
});
