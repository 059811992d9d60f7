/**
 * A Fathom API v1 simulator as a fetch-shaped handler: `createSimulator(options).handle(request)`
 * answers `http(s)://any-host/v1/...` the way the reference says Fathom does, from a seeded dataset,
 * with Fathom's auth, validation, rate limits and a first-run "query plan" delay, plus controls for
 * tests (latency, faults, clock, limits, token, request log). Isomorphic apart from timers: no Node
 * http here; the standalone server (server.ts) is a thin wrapper.
 */
import { AccountState, type SiteRecord } from "./account-state";
import { aggregate } from "./aggregate";
import { parseAggregation } from "./aggregation-request";
import { Refusal, refuseWith, toResponse, type Answer } from "./answers";
import { MINUTES_PER_DAY } from "./calendar";
import { currentVisitors } from "./current-visitors";
import { GeneratedSiteData, type SiteData } from "./dataset";
import { createTables } from "./dimensions";
import { FaultQueue, faultExchange, networkError, truncated, type Exchange, type FaultInput } from "./faults";
import { siteOr404, type ManagementContext } from "./management";
import { concurrencyBody, FATHOM_LIMITS, RateLimiter, type RateLimits } from "./rate-limits";
import { queryInput, laravelValue } from "./php-input";
import { ignoredParameters, matchRoute } from "./routes";
import { SITE_PROFILES } from "./site-profiles";
import { truthy, Validator, type Input } from "./validation";

export type SimulatorOptions = {
  seed?: number; // default 42
  now?: () => Date; // default () => new Date(); the dataset's rolling ~2-year window ends "now"
  token?: string; // accepted bearer token; default "sim-token"
  latencyMs?: number; // added to every answer; default 0
  rateLimits?: RateLimits | false; // default Fathom's 10/2000/5
  queryPlanDelayMs?: number; // first-run delay for an aggregation shape not seen before; default 0
  /** Generate the whole window in the background right away, recent days first (default: a day at a time on first use). */
  warmUp?: boolean;
};

/**
 * One request received. `rawQuery` is the query string as received (no `?`); `ignored` names the
 * query parameters the endpoint does not read (Fathom passes over them too; empty when the request
 * was refused before they were read); `status` is 0 when no answer was sent.
 */
export type RequestLogEntry = { at: string; method: string; path: string; query: Record<string, string>; rawQuery: string; ignored: string[]; status: number };

/** What the standalone server knows about a request beyond the `Request` it builds. */
export type Received = { rawQuery?: string; signal?: AbortSignal };

export type Simulator = {
  /**
   * fetch-shaped: accepts requests for http(s)://any-host/v1/... and answers as Fathom does. Rejects as
   * fetch does when an injected fault drops the connection (a TypeError "fetch failed", or the abort
   * reason when the request's signal ended a hang).
   */
  handle(request: Request): Promise<Response>;
  /**
   * The same, for the standalone server: says how the exchange ends, so a dropped or truncated answer
   * can be played on the socket. `rawQuery` is the query string as it arrived, before URL parsing;
   * `signal` (default the request's) ends a hang when the client goes.
   */
  exchange(request: Request, received?: Received): Promise<Exchange>;
  control: {
    setLatency(ms: number): void;
    setRateLimits(limits: RateLimits | false): void;
    setNow(now: Date | null): void; // null = real clock
    /** Accepts only `token` from now on (a revoked token gets 401); `reset()` restores the option's. */
    setToken(token: string): void;
    /** The next `count` requests matching `path` (a prefix like "/v1/aggregations", default any) fail as `kind` says (faults.ts). */
    injectFault(fault: FaultInput): void;
    clearFaults(): void;
    /** Overrides the current-visitors total of a site (null = back to the model). */
    setCurrentVisitors(siteId: string, total: number | null): void;
    requests(): RequestLogEntry[];
    clearRequests(): void;
    reset(): void; // state, token, faults, log and limits back to the options
    /** Generates the whole window's data now instead of a day at a time on first use. */
    warmUp(): Promise<void>;
  };
};

/** The rolling window: this many days before today, and today. */
export const WINDOW_DAYS = 730;
/** The request log keeps this many entries (oldest dropped first). */
export const REQUEST_LOG_LIMIT = 50_000;

const answered = (answer: Answer): Exchange => ({ kind: "answer", answer });
const EMPTY_SITE: SiteData = { tables: createTables(), chunksBetween: () => [] };
const sleep = (ms: number) => (ms > 0 ? new Promise<void>((resolve) => setTimeout(resolve, ms)) : Promise.resolve());

/**
 * The request's input as Laravel's `$request->input()` gives it: the query string as PHP parses it,
 * overlaid by a form or JSON body, every string trimmed and empty ones null (php-input.ts).
 */
async function readInput(request: Request, query: Input): Promise<Input> {
  if (request.method === "GET" || request.method === "HEAD") return query;
  const text = await request.text();
  if (!text.trim()) return query;
  const type = request.headers.get("content-type") ?? "";
  if (type.includes("application/x-www-form-urlencoded")) return { ...query, ...queryInput(text) };
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return refuseWith(400, "The request body is not valid JSON.");
  }
  if (typeof body !== "object" || body === null || Array.isArray(body)) return refuseWith(400, "The request body must be a JSON object.");
  return { ...query, ...(laravelValue(body) as Input) };
}

export function createSimulator(options: SimulatorOptions = {}): Simulator {
  const seed = options.seed ?? 42;
  let token = options.token ?? "sim-token";
  let latencyMs = options.latencyMs ?? 0;
  let nowOverride: Date | null = null;
  const limiter = new RateLimiter(options.rateLimits ?? FATHOM_LIMITS);
  const faults = new FaultQueue();
  let log: RequestLogEntry[] = [];
  const visitorOverrides = new Map<string, number>();
  const seenShapes = new Set<string>();
  let inFlight = 0;

  const clock = () => nowOverride ?? options.now?.() ?? new Date();
  const nowMinute = () => Math.floor(clock().getTime() / 60_000);
  const today = () => Math.floor(nowMinute() / MINUTES_PER_DAY);
  const firstDay = () => today() - WINDOW_DAYS;
  const data = new Map(SITE_PROFILES.map((profile) => [profile.key, new GeneratedSiteData(profile, seed, firstDay)]));
  let state = new AccountState(seed, firstDay(), today());
  const siteData = (site: SiteRecord): SiteData => (site.dataKey === null ? undefined : data.get(site.dataKey)) ?? EMPTY_SITE;

  const reports = {
    async aggregations(ctx: ManagementContext): Promise<Answer> {
      const { site, query, shape } = parseAggregation(ctx.query, { state, nowMinute: nowMinute(), firstMinute: firstDay() * MINUTES_PER_DAY });
      if (!seenShapes.has(shape)) {
        seenShapes.add(shape);
        await sleep(options.queryPlanDelayMs ?? 0);
      }
      return { status: 200, body: aggregate(siteData(site), query) };
    },
    currentVisitors(ctx: ManagementContext): Answer {
      new Validator(ctx.query).required("site_id").scalar("site_id").scalar("detailed").boolean("detailed").check();
      const site = siteOr404(state, ctx.query.site_id as string);
      const hostname = SITE_PROFILES.find((profile) => profile.key === site.dataKey)?.hostname ?? "";
      const body = currentVisitors(siteData(site), nowMinute(), {
        detailed: truthy(ctx.query.detailed),
        override: visitorOverrides.get(site.id) ?? null,
        hostname,
      });
      return { status: 200, body };
    },
  };

  /** `wait` adds the latency once per request, whichever way the request ends. */
  /** `read.query` is set once the query string has been read (after the route, token, concurrency, fault and rate checks). */
  async function answer(request: Request, url: URL, read: { rawQuery: string; query?: Input; signal: AbortSignal }, wait: () => Promise<void>): Promise<Exchange> {
    const { signal } = read;
    const route = matchRoute(request.method, url.pathname);
    const [scheme, given] = (request.headers.get("authorization") ?? "").split(" ");
    if (scheme?.toLowerCase() !== "bearer" || given !== token) refuseWith(401, "Unauthenticated");
    const limits = limiter.current;
    if (limits && inFlight >= limits.concurrency) {
      await wait();
      return answered({ status: 429, body: concurrencyBody(limits.concurrency), headers: { "Retry-After": "1" } });
    }
    inFlight++;
    try {
      const fault = faults.take(url.pathname);
      if (fault) {
        await wait();
        // A hang holds its place among the requests in flight, as a stalled request at Fathom would.
        return await faultExchange(fault, { pathname: url.pathname, concurrency: (limits || FATHOM_LIMITS).concurrency, signal });
      }
      const verdict = limiter.hit(route.kind, clock().getTime());
      if (!verdict.allowed) {
        await wait();
        return answered({
          status: 429,
          body: { message: "Too Many Attempts." },
          headers: { "Retry-After": String(verdict.retryAfter), "X-RateLimit-Limit": String(verdict.limit), "X-RateLimit-Remaining": "0" },
        });
      }
      await wait();
      const query = (read.query = queryInput(read.rawQuery));
      const input = await readInput(request, query);
      const result = await route.handle({ state, now: clock(), query, input, path: route.params, reports });
      return answered(
        Number.isFinite(verdict.limit)
          ? { ...result, headers: { ...result.headers, "X-RateLimit-Limit": String(verdict.limit), "X-RateLimit-Remaining": String(verdict.remaining) } }
          : result,
      );
    } finally {
      inFlight--;
    }
  }

  async function exchange(request: Request, received: Received = {}): Promise<Exchange> {
    const url = new URL(request.url);
    const at = clock().toISOString();
    let slept = false;
    const wait = async () => {
      if (slept) return;
      slept = true;
      await sleep(latencyMs);
    };
    const read: { rawQuery: string; query?: Input; signal: AbortSignal } = { rawQuery: received.rawQuery ?? url.search.slice(1), signal: received.signal ?? request.signal };
    let result: Exchange;
    try {
      result = await answer(request, url, read, wait);
    } catch (error) {
      if (error instanceof Refusal) result = answered(error.answer);
      else {
        // A bug in the simulator: answer as Fathom would (500) rather than break the caller's fetch.
        console.error("[simulator] unexpected error", error);
        result = answered({ status: 500, body: { error: "Server Error" } });
      }
      await wait();
    }
    log.push({
      at,
      method: request.method,
      path: url.pathname,
      query: Object.fromEntries(url.searchParams),
      rawQuery: read.rawQuery,
      ignored: ignoredParameters(request.method, url.pathname, Object.keys(read.query ?? {})),
      status: result.kind === "reset" ? 0 : result.answer.status,
    });
    if (log.length > REQUEST_LOG_LIMIT) log = log.slice(-REQUEST_LOG_LIMIT);
    return result;
  }

  async function handle(request: Request): Promise<Response> {
    const result = await exchange(request);
    // As fetch: an abort rejects with the signal's reason, a dropped connection with a TypeError.
    if (result.kind === "reset") throw request.signal.aborted ? request.signal.reason : networkError();
    return toResponse(result.kind === "truncate" ? { ...result.answer, text: truncated(result.answer.text) } : result.answer);
  }

  const control: Simulator["control"] = {
    setLatency: (ms) => void (latencyMs = Math.max(0, ms)),
    setRateLimits: (limits) => limiter.setLimits(limits),
    setNow: (now) => void (nowOverride = now),
    setToken: (next) => void (token = next),
    injectFault: (fault) => faults.add(fault),
    clearFaults: () => faults.clear(),
    setCurrentVisitors: (siteId, total) => void (total === null ? visitorOverrides.delete(siteId) : visitorOverrides.set(siteId, Math.max(0, Math.round(total)))),
    requests: () => log.map((entry) => ({ ...entry, query: { ...entry.query }, ignored: [...entry.ignored] })),
    clearRequests: () => void (log = []),
    reset() {
      nowOverride = null;
      token = options.token ?? "sim-token";
      latencyMs = options.latencyMs ?? 0;
      limiter.setLimits(options.rateLimits ?? FATHOM_LIMITS);
      limiter.reset();
      faults.clear();
      log = [];
      visitorOverrides.clear();
      seenShapes.clear();
      state = new AccountState(seed, firstDay(), today());
    },
    async warmUp() {
      for (const site of data.values()) await site.warm(firstDay(), today());
    },
  };
  if (options.warmUp) void control.warmUp();
  return { handle, exchange, control };
}
