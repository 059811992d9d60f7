import "server-only";
import { logError } from "@/lib/api/log";
import { getServerConfig, type ServerConfig } from "@/lib/config/server-config";
import { DatabaseAnswerCache } from "@/lib/store/answer-cache-repository";
import { DatabaseUsageStore } from "@/lib/store/usage-repository";
import type { BucketLimit } from "./buckets";
import { MemoryBuckets } from "./buckets";
import type { RequestClass } from "./budget-state";
import { Governor, type GovernorOptions } from "./governor";
import { RedisAnswers } from "./redis-answers";
import { RedisBuckets } from "./redis-buckets";
import { openRedis, whenReady } from "./redis-connection";
import { RedisUsageStore } from "./redis-usage";

/**
 * Sounding counts a request when it sends it, Fathom when it arrives; a second of margin on each window
 * keeps uneven latency from ever putting one request too many into Fathom's window.
 */
export const WINDOW_MARGIN_MS = 1_000;

/** The plan's limits from the configuration (DESIGN.md, "Configuration"). */
export function bucketLimits(config: ServerConfig): Record<RequestClass, BucketLimit> {
  return {
    reports: { capacity: config.FATHOM_RATE_LIMIT_REPORTS_PER_MINUTE, windowMs: 60_000 + WINDOW_MARGIN_MS },
    management: { capacity: config.FATHOM_RATE_LIMIT_OTHER_PER_HOUR, windowMs: 3_600_000 + WINDOW_MARGIN_MS },
  };
}

const holder = globalThis as typeof globalThis & { __soundingGovernor?: Promise<Governor> };

/**
 * Where the budget lives. In process by default; with REDIS_URL in Redis, shared by every instance of the
 * deployment: the plan's limits belong to the account, so two instances must not spend them twice.
 */
async function budgetStores(config: ServerConfig, limits: Record<RequestClass, BucketLimit>): Promise<Pick<GovernorOptions, "buckets" | "shared" | "usage">> {
  if (!config.REDIS_URL) return { buckets: new MemoryBuckets(limits, config.FATHOM_MAX_CONCURRENCY), usage: new DatabaseUsageStore() };
  const link = openRedis(config.REDIS_URL, { onError: (error) => logError("Redis", error) });
  // Commands fail at once while not connected: give the first connection a moment. If Redis is down, the
  // governor starts anyway and says so with each read that needs Fathom.
  await whenReady(link).catch((error) => logError("Redis is not reachable yet", error));
  return {
    buckets: new RedisBuckets(link, limits, config.FATHOM_MAX_CONCURRENCY),
    shared: new RedisAnswers(link, { onError: (context, error) => logError(`Governor: ${context}`, error) }),
    usage: new RedisUsageStore(link, new DatabaseUsageStore()),
  };
}

/**
 * The process-wide governor: one budget for everything the server sends to Fathom (the deployment's, with
 * REDIS_URL), answers persisted in the database. On `globalThis` so separately bundled routes and
 * development reloads share it.
 */
export function getGovernor(): Promise<Governor> {
  if (!holder.__soundingGovernor) {
    const pending = (async () => {
      const config = getServerConfig();
      const limits = bucketLimits(config);
      return Governor.create({
        ...(await budgetStores(config, limits)),
        // While several people use Sounding, none may take more than half of a window's budget.
        fairShare: { limits, fraction: 0.5 },
        persistent: new DatabaseAnswerCache(),
        foldWindowMs: config.FATHOM_FOLD_WINDOW_MS,
        onError: (context, error) => logError(`Governor: ${context}`, error),
      });
    })();
    holder.__soundingGovernor = pending;
    pending.catch(() => {
      if (holder.__soundingGovernor === pending) holder.__soundingGovernor = undefined;
    });
  }
  return holder.__soundingGovernor;
}
