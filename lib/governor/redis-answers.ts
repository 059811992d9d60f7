import "server-only";
import type { CachedAnswer } from "./answer-cache";
import { COMMAND_TIMEOUT_MS, type RedisLink } from "./redis-connection";
import type { RemoteOutcome, SharedAnswers } from "./shared-answers";

/** KEYS: answer, flight, tag sets...; ARGV: json, keepMs, token, channel, message, member, tagKeepMs. */
const PUBLISH = `redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2])
for i = 3, #KEYS do
  redis.call('SADD', KEYS[i], ARGV[6])
  redis.call('PEXPIRE', KEYS[i], ARGV[7])
end
if ARGV[3] ~= '' and redis.call('GET', KEYS[2]) == ARGV[3] then redis.call('DEL', KEYS[2]) end
redis.call('PUBLISH', ARGV[4], ARGV[5])
return 1`;

/** KEYS: flight; ARGV: token, channel, message. */
const RELEASE = `if redis.call('GET', KEYS[1]) == ARGV[1] then redis.call('DEL', KEYS[1]) end
redis.call('PUBLISH', ARGV[2], ARGV[3])
return 1`;

/** KEYS: flight; ARGV: token, leaseMs. Extends a claim still held. */
const RENEW = `if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('PEXPIRE', KEYS[1], ARGV[2]) end
return 0`;

/** KEYS: tag set; ARGV: channel, tag. */
const DROP_TAG = `local keys = redis.call('SMEMBERS', KEYS[1])
for i = 1, #keys do redis.call('DEL', keys[i]) end
redis.call('DEL', KEYS[1])
redis.call('PUBLISH', ARGV[1], ARGV[2])
return #keys`;

export type RedisAnswersOptions = {
  /** How long an answer is kept after its freshness ends, to be served stale. Default a day. */
  staleRetentionMs?: number;
  /**
   * How long a claim outlives an instance that died holding it; a live holder renews it every third of it.
   * Default 5 s, so the others soon try themselves.
   */
  claimLeaseMs?: number;
  /** How often a waiting instance checks that the claim it waits on still stands (a missed message, a holder gone). */
  checkEveryMs?: number;
  onError?: (context: string, error: unknown) => void;
};

type Waiter = (outcome: RemoteOutcome) => void;

/**
 * The shared answers on Redis: each answer a JSON string that expires once it is too old to be served even
 * stale, a set per tag, a claim key per upstream call in flight, and two channels: `answers` (a claim ended)
 * and `invalidate` (a tag dropped).
 */
export class RedisAnswers implements SharedAnswers {
  private readonly waiters = new Map<string, Set<Waiter>>();
  private readonly listeners: ((tag: string) => void)[] = [];
  private readonly claims = new Map<string, string>();
  private readonly renewal: ReturnType<typeof setInterval>;
  private readonly retentionMs: number;
  private readonly leaseMs: number;
  private readonly checkEveryMs: number;
  private readonly onError: (context: string, error: unknown) => void;
  private subscribed: Promise<void> | undefined;

  constructor(
    private readonly link: RedisLink,
    options: RedisAnswersOptions = {},
  ) {
    this.retentionMs = options.staleRetentionMs ?? 24 * 60 * 60_000;
    this.leaseMs = options.claimLeaseMs ?? 5_000;
    this.checkEveryMs = options.checkEveryMs ?? 500;
    this.onError = options.onError ?? (() => undefined);
    this.renewal = setInterval(() => void this.renew(), Math.max(50, Math.floor(this.leaseMs / 3)));
    this.renewal.unref();
  }

  async get(cacheKey: string): Promise<CachedAnswer | undefined> {
    const json = await this.link.commands.get(this.key("answer", cacheKey));
    if (json === null) return undefined;
    try {
      return JSON.parse(json) as CachedAnswer;
    } catch {
      return undefined;
    }
  }

  async claim(key: string, token: string): Promise<boolean> {
    const claimed = (await this.link.commands.set(this.key("flight", key), token, "PX", this.leaseMs, "NX")) === "OK";
    if (claimed) this.claims.set(key, token);
    return claimed;
  }

  async publish(answer: CachedAnswer, key: string, token: string | undefined): Promise<void> {
    if (token && this.claims.get(key) === token) this.claims.delete(key);
    const keepMs = Math.max(1, Math.round(answer.expiresAt - answer.fetchedAt)) + this.retentionMs;
    const answerKey = this.key("answer", answer.key);
    const tagKeys = answer.tags.map((tag) => this.key("tag", tag));
    await this.link.commands.eval(
      PUBLISH,
      2 + tagKeys.length,
      answerKey,
      this.key("flight", key),
      ...tagKeys,
      JSON.stringify(answer),
      keepMs,
      token ?? "",
      this.channel("answers"),
      key,
      answerKey,
      keepMs + this.retentionMs,
    );
  }

  async release(key: string, token: string): Promise<void> {
    if (this.claims.get(key) === token) this.claims.delete(key);
    await this.link.commands.eval(RELEASE, 1, this.key("flight", key), token, this.channel("answers"), key);
  }

  async waitFor(key: string, timeoutMs: number): Promise<RemoteOutcome> {
    // Without the subscription no message can come: a Redis that cannot be reached is not waited on.
    const listening = await Promise.race([
      this.subscribe().then(() => true, () => false),
      new Promise<false>((resolve) => setTimeout(() => resolve(false), Math.min(timeoutMs, COMMAND_TIMEOUT_MS)).unref()),
    ]);
    if (!listening) return "timeout";
    return new Promise<RemoteOutcome>((resolve) => {
      let settled = false;
      const finish = (outcome: RemoteOutcome) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        clearInterval(check);
        const set = this.waiters.get(key);
        set?.delete(finish);
        if (set?.size === 0) this.waiters.delete(key);
        resolve(outcome);
      };
      const timer = setTimeout(() => finish("timeout"), timeoutMs);
      const stillClaimed = () =>
        this.link.commands.exists(this.key("flight", key)).then(
          (count) => count === 0 && finish("released"),
          () => finish("timeout"),
        );
      const check = setInterval(() => void stillClaimed(), this.checkEveryMs);
      let set = this.waiters.get(key);
      if (!set) this.waiters.set(key, (set = new Set()));
      set.add(finish);
      // The claim may have ended before this instance listened.
      void stillClaimed();
    });
  }

  async deleteByTag(tag: string): Promise<void> {
    await this.link.commands.eval(DROP_TAG, 1, this.key("tag", tag), this.channel("invalidate"), tag);
  }

  onInvalidate(listener: (tag: string) => void): void {
    this.listeners.push(listener);
    void this.subscribe().catch((error) => this.onError("could not listen for invalidations", error));
  }

  close(): void {
    clearInterval(this.renewal);
  }

  private subscribe(): Promise<void> {
    this.subscribed ??= (async () => {
      const subscriber = this.link.subscriber();
      subscriber.on("message", (channel: string, message: string) => {
        if (channel === this.channel("answers")) {
          for (const finish of [...(this.waiters.get(message) ?? [])]) finish("answered");
        } else if (channel === this.channel("invalidate")) {
          for (const listener of this.listeners) listener(message);
        }
      });
      // A subscriber that reconnects subscribes again by itself (ioredis's autoResubscribe).
      await new Promise<void>((resolve, reject) => {
        if (subscriber.status === "ready") return resolve();
        subscriber.once("ready", () => resolve());
        subscriber.once("end", () => reject(new Error("Redis subscriber closed")));
      });
      await subscriber.subscribe(this.channel("answers"), this.channel("invalidate"));
    })();
    this.subscribed.catch(() => (this.subscribed = undefined));
    return this.subscribed;
  }

  private async renew() {
    for (const [key, token] of this.claims) {
      await this.link.commands.eval(RENEW, 1, this.key("flight", key), token, this.leaseMs).catch(() => undefined);
    }
  }

  private key(kind: string, name: string) {
    return `${this.link.prefix}${kind}:${name}`;
  }

  private channel(name: string) {
    return `${this.link.prefix}${name}`;
  }
}
