import "server-only";
import { randomBytes } from "node:crypto";
import type { RequestClass } from "./budget-state";
import { checkLimits, levelOf, waitForNth, type BucketLevel, type BucketLimit, type Buckets, type TakeResult } from "./buckets";
import type { RedisLink } from "./redis-connection";

/**
 * Redis's clock in milliseconds, so that instances whose clocks differ still count one window. A script
 * given a time (ARGV `now` ≥ 0) uses it instead: the unit tests drive a fake clock that way.
 */
const NOW = `local now = tonumber(ARGV[1])
if now < 0 then
  local t = redis.call('TIME')
  now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
end`;

/** KEYS: spent (zset), paused; ARGV: now, capacity, windowMs, member. Returns {taken, retryInMs}. */
const TAKE = `${NOW}
local paused = tonumber(redis.call('GET', KEYS[2]) or '0')
if paused > now then return {0, paused - now} end
local window = tonumber(ARGV[3])
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now - window)
if redis.call('ZCARD', KEYS[1]) < tonumber(ARGV[2]) then
  redis.call('ZADD', KEYS[1], now, ARGV[4])
  redis.call('PEXPIRE', KEYS[1], window)
  return {1, 0}
end
local oldest = redis.call('ZRANGE', KEYS[1], 0, 0, 'WITHSCORES')
return {0, math.max(1, tonumber(oldest[2]) + window - now)}`;

/** KEYS: spent, paused; ARGV: now, windowMs. Returns {now, pausedUntil, spent...} (oldest first). */
const STATE = `${NOW}
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now - tonumber(ARGV[2]))
local result = {now, tonumber(redis.call('GET', KEYS[2]) or '0')}
local spent = redis.call('ZRANGE', KEYS[1], 0, -1, 'WITHSCORES')
for i = 2, #spent, 2 do result[#result + 1] = tonumber(spent[i]) end
return result`;

/**
 * KEYS: paused; ARGV: now, pauseMs, until. Pauses until now + pauseMs (on the caller's clock: until `until`)
 * unless already paused longer.
 */
const PAUSE = `${NOW}
local resume = now + tonumber(ARGV[2])
local keep = tonumber(ARGV[2])
if tonumber(ARGV[3]) >= 0 then
  resume = tonumber(ARGV[3])
  keep = 3600000
end
local current = tonumber(redis.call('GET', KEYS[1]) or '0')
if resume > current then redis.call('SET', KEYS[1], resume, 'PX', keep) end
return 1`;

/** KEYS: slots (zset of lease → expiry); ARGV: now, max, leaseMs, lease. Returns 1 when the lease was granted. */
const ACQUIRE = `${NOW}
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now)
if redis.call('ZCARD', KEYS[1]) < tonumber(ARGV[2]) then
  redis.call('ZADD', KEYS[1], now + tonumber(ARGV[3]), ARGV[4])
  return 1
end
return 0`;

/** KEYS: slots; ARGV: now, leaseMs, leases... Extends the leases still held. */
const RENEW = `${NOW}
for i = 3, #ARGV do redis.call('ZADD', KEYS[1], 'XX', now + tonumber(ARGV[2]), ARGV[i]) end
return 1`;

/** KEYS: slots; ARGV: now. Leases in use (expired ones dropped). */
const SLOTS = `${NOW}
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now)
return redis.call('ZCARD', KEYS[1])`;

export type RedisBucketsOptions = {
  /**
   * How long a concurrency slot stays taken if its instance dies without giving it back; an instance renews
   * its own slots every third of it. Longer than a request to Fathom takes. Default 30 s.
   */
  leaseMs?: number;
  /** Use the caller's `now` instead of Redis's clock (tests on a fake clock). */
  callerClock?: boolean;
};

/**
 * The budget shared by every instance: a sliding-window log per class in a sorted set (a spent request comes
 * back exactly one window after it was spent, as in MemoryBuckets) and the concurrency cap as leases, each
 * a member with its expiry, so a slot held by an instance that died comes back by itself. Each step is one
 * Lua script, so two instances can never both take the last request of a window.
 */
export class RedisBuckets implements Buckets {
  private readonly held: string[] = [];
  private readonly leaseMs: number;
  private readonly renewal: ReturnType<typeof setInterval>;
  private readonly instance = randomBytes(6).toString("hex");
  private sequence = 0;

  constructor(
    private readonly link: RedisLink,
    private readonly limits: Record<RequestClass, BucketLimit>,
    private readonly maxConcurrency: number,
    private readonly options: RedisBucketsOptions = {},
  ) {
    checkLimits(limits, maxConcurrency);
    this.leaseMs = options.leaseMs ?? 30_000;
    this.renewal = setInterval(() => void this.renew(), Math.max(100, Math.floor(this.leaseMs / 3)));
    this.renewal.unref();
  }

  async tryTake(cls: RequestClass, now: number): Promise<TakeResult> {
    const { capacity, windowMs } = this.limits[cls];
    const [taken, retryInMs] = (await this.link.commands.eval(TAKE, 2, this.key(`spent:${cls}`), this.key(`paused:${cls}`), this.at(now), capacity, windowMs, this.member())) as [number, number];
    return taken === 1 ? { ok: true } : { ok: false, retryInMs };
  }

  async estimateWaitMs(cls: RequestClass, n: number, now: number): Promise<number> {
    const state = await this.state(cls, now);
    return waitForNth(state.spent, this.limits[cls], state.pausedUntil, n, state.now);
  }

  async pause(cls: RequestClass, until: number): Promise<void> {
    // `until` is on this instance's clock: what travels is how long, measured on Redis's.
    const pauseMs = Math.max(1, Math.ceil(until - Date.now()));
    const callerUntil = this.options.callerClock ? until : -1;
    await this.link.commands.eval(PAUSE, 1, this.key(`paused:${cls}`), this.at(0), pauseMs, callerUntil);
  }

  async level(cls: RequestClass, now: number): Promise<BucketLevel> {
    const state = await this.state(cls, now);
    return levelOf(state.spent, this.limits[cls], state.pausedUntil, state.now);
  }

  async tryAcquireSlot(): Promise<boolean> {
    const lease = this.member();
    const granted = await this.link.commands.eval(ACQUIRE, 1, this.key("slots"), this.at(Date.now()), this.maxConcurrency, this.leaseMs, lease);
    if (granted !== 1) return false;
    this.held.push(lease);
    return true;
  }

  async releaseSlot(): Promise<void> {
    const lease = this.held.pop();
    if (lease) await this.link.commands.zrem(this.key("slots"), lease);
  }

  async slots() {
    const inUse = (await this.link.commands.eval(SLOTS, 1, this.key("slots"), this.at(Date.now()))) as number;
    return { max: this.maxConcurrency, inUse };
  }

  /** Stops renewing this instance's leases (they then expire); the connection is the caller's to close. */
  close(): void {
    clearInterval(this.renewal);
  }

  private async renew() {
    if (this.held.length === 0) return;
    // A failed renewal is retried on the next tick; a lease lost meanwhile only frees a slot early.
    await this.link.commands.eval(RENEW, 1, this.key("slots"), this.at(Date.now()), this.leaseMs, ...this.held).catch(() => undefined);
  }

  private async state(cls: RequestClass, now: number) {
    const [at, pausedUntil, ...spent] = (await this.link.commands.eval(STATE, 2, this.key(`spent:${cls}`), this.key(`paused:${cls}`), this.at(now), this.limits[cls].windowMs)) as number[];
    return { now: at!, pausedUntil: pausedUntil!, spent };
  }

  private at(now: number) {
    return this.options.callerClock ? now : -1;
  }

  private key(name: string) {
    return `${this.link.prefix}budget:${name}`;
  }

  private member() {
    return `${this.instance}:${++this.sequence}`;
  }
}
