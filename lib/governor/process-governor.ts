import "server-only";
import { logError } from "@/lib/api/log";
import { getServerConfig, type ServerConfig } from "@/lib/config/server-config";
import { DatabaseAnswerCache } from "@/lib/store/answer-cache-repository";
import { DatabaseUsageStore } from "@/lib/store/usage-repository";
import type { BucketLimit } from "./buckets";
import { MemoryBuckets } from "./buckets";
import type { RequestClass } from "./budget-state";
import { Governor } from "./governor";

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
 * The process-wide governor: one budget for everything the server sends to Fathom, answers persisted in
 * the database. On `globalThis` so separately bundled routes and development reloads share it.
 */
export function getGovernor(): Promise<Governor> {
  if (!holder.__soundingGovernor) {
    const pending = (async () => {
      const config = getServerConfig();
      const limits = bucketLimits(config);
      return Governor.create({
        buckets: new MemoryBuckets(limits, config.FATHOM_MAX_CONCURRENCY),
        // While several people use Sounding, none may take more than half of a window's budget.
        fairShare: { limits, fraction: 0.5 },
        persistent: new DatabaseAnswerCache(),
        usage: new DatabaseUsageStore(),
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
