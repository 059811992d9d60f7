import "server-only";
import { Redis } from "ioredis";

/**
 * The Redis connections of one instance: commands, and a subscriber for what other instances announce
 * (answers ready, tags invalidated). A lost connection must fail fast rather than queue: the governor then
 * answers from what it has, or says the shared budget is unreachable, but never spends unshared.
 */
export type RedisLink = {
  commands: Redis;
  /** Connected on first use. */
  subscriber(): Redis;
  /** Every key of this deployment starts with it (tests give each their own). */
  prefix: string;
  close(): Promise<void>;
};

/** A command that does not answer within this is taken as Redis being down (a hung server is no better than a lost one). */
export const COMMAND_TIMEOUT_MS = 1_000;

function connect(url: string, onError: (error: unknown) => void): Redis {
  const client = new Redis(url, {
    enableOfflineQueue: false,
    maxRetriesPerRequest: 0,
    commandTimeout: COMMAND_TIMEOUT_MS,
    connectTimeout: 2_000,
    // Keep trying to come back, at most every 2 s; meanwhile commands fail at once.
    retryStrategy: (times) => Math.min(times * 200, 2_000),
  });
  let reported = false;
  client.on("error", (error) => {
    // One line per outage, not one per reconnection attempt. ioredis's messages name the host, never a password.
    if (!reported) onError(error);
    reported = true;
  });
  client.on("ready", () => (reported = false));
  return client;
}

export function openRedis(url: string, options: { prefix?: string; onError?: (error: unknown) => void } = {}): RedisLink {
  const onError = options.onError ?? ((error) => console.error("[sounding] redis:", (error as Error).message));
  const commands = connect(url, onError);
  let subscriber: Redis | undefined;
  return {
    commands,
    prefix: options.prefix ?? "sounding:",
    subscriber: () => (subscriber ??= connect(url, onError)),
    async close() {
      await Promise.all([commands.quit().catch(() => commands.disconnect()), subscriber?.quit().catch(() => subscriber?.disconnect())]);
    },
  };
}

/** Resolves once the link's command connection is ready (for start-up and tests), or rejects after `timeoutMs`. */
export async function whenReady(link: RedisLink, timeoutMs = 5_000): Promise<void> {
  if (link.commands.status === "ready") return;
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => {
      link.commands.off("ready", ready);
      reject(new Error(`Redis did not answer within ${timeoutMs} ms`));
    }, timeoutMs);
    const ready = () => {
      clearTimeout(timer);
      resolve();
    };
    link.commands.once("ready", ready);
  });
}
