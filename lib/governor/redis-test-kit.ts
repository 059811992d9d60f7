import "server-only";
import { randomBytes } from "node:crypto";
import { openRedis, whenReady, type RedisLink } from "./redis-connection";

/**
 * For tests that run against Redis too: `TEST_REDIS_URL` (CI starts a throwaway server and sets it). Each
 * link gets a key prefix of its own, so test files running at once never see each other's keys, and
 * `dropRedis` deletes them.
 */
export const TEST_REDIS_URL = process.env.TEST_REDIS_URL;

/** The engines a shared-state test runs on: in-process always, Redis when TEST_REDIS_URL is set. */
export const ENGINES: readonly ("memory" | "redis")[] = TEST_REDIS_URL ? ["memory", "redis"] : ["memory"];

export async function testRedis(prefix = `sounding-test-${randomBytes(6).toString("hex")}:`): Promise<RedisLink> {
  if (!TEST_REDIS_URL) throw new Error("TEST_REDIS_URL is not set");
  const link = openRedis(TEST_REDIS_URL, { prefix, onError: () => undefined });
  await whenReady(link);
  return link;
}

/** Deletes every key of the link's prefix and closes it. */
export async function dropRedis(link: RedisLink): Promise<void> {
  let cursor = "0";
  do {
    const [next, keys] = await link.commands.scan(cursor, "MATCH", `${link.prefix}*`, "COUNT", 500);
    if (keys.length > 0) await link.commands.del(...keys);
    cursor = next;
  } while (cursor !== "0");
  await link.close();
}
