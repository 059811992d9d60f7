import { afterEach, describe, expect, it, vi } from "vitest";
import { aggregationPath, call } from "./fixture";
import { createSimulator } from "./simulator";

const NOW = new Date("2025-06-15T12:00:00Z");
const report = aggregationPath({ entity: "pageview", entity_id: "DAFFYLAB", aggregates: "visits", date_from: "2025-06-14 00:00:00", date_to: "2025-06-14 23:59:59" });

afterEach(() => vi.useRealTimers());

describe("simulator: rate limits (429 with Retry-After)", () => {
  it("allows 10 reports a minute across aggregations and current visitors, then answers Too Many Attempts", async () => {
    let now = NOW.getTime();
    const sim = createSimulator({ now: () => new Date(now) });
    for (let i = 0; i < 5; i++) expect((await call(sim, "GET", report)).status).toBe(200);
    for (let i = 0; i < 5; i++) expect((await call(sim, "GET", "/v1/current_visitors?site_id=DAFFYLAB")).status).toBe(200);
    const refused = await call(sim, "GET", report);
    expect(refused.status).toBe(429);
    expect(refused.body).toEqual({ message: "Too Many Attempts." });
    expect(refused.headers.get("Retry-After")).toBe("60");
    // The management budget is separate.
    expect((await call(sim, "GET", "/v1/sites")).status).toBe(200);
    now += 45_000;
    expect((await call(sim, "GET", report)).headers.get("Retry-After")).toBe("15");
    now += 15_000;
    expect((await call(sim, "GET", report)).status).toBe(200);
  });

  it("limits the other endpoints per hour, and can be changed or turned off", async () => {
    const sim = createSimulator({ now: () => NOW, rateLimits: { reportsPerMinute: 10, otherPerHour: 2, concurrency: 5 } });
    expect((await call(sim, "GET", "/v1/sites")).headers.get("X-RateLimit-Remaining")).toBe("1");
    expect((await call(sim, "GET", "/v1/account")).status).toBe(200);
    const refused = await call(sim, "POST", "/v1/sites", { body: { name: "One too many" } });
    expect(refused).toMatchObject({ status: 429, body: { message: "Too Many Attempts." } });
    expect(refused.headers.get("Retry-After")).toBe("3600");
    sim.control.setRateLimits(false);
    expect((await call(sim, "GET", "/v1/sites")).body.data).toHaveLength(4); // the refused create did nothing
  });

  it("refuses a request beyond the requests in flight with the concurrency body", async () => {
    const sim = createSimulator({ now: () => NOW, latencyMs: 40, rateLimits: { reportsPerMinute: 100, otherPerHour: 100, concurrency: 2 } });
    const answers = await Promise.all([1, 2, 3].map(() => call(sim, "GET", "/v1/account")));
    const statuses = answers.map((answer) => answer.status).sort();
    expect(statuses).toEqual([200, 200, 429]);
    const refused = answers.find((answer) => answer.status === 429)!;
    expect(refused.headers.get("Retry-After")).toBe("1");
    expect(refused.body).toEqual({
      error: {
        code: "api_concurrency_limit_reached",
        message: expect.stringContaining("up to 2 concurrent requests"),
        limit: 2,
        next_tier: { name: "Tier 3", concurrent_queries: 10, price: "$39/mo" },
      },
    });
    expect((await call(sim, "GET", "/v1/account")).status).toBe(200);
  });
});

describe("simulator: faults, latency and the query plan delay", () => {
  it("fails the next requests on a path with the injected status, Retry-After and body", async () => {
    const sim = createSimulator({ now: () => NOW, rateLimits: false });
    sim.control.injectFault({ status: 503, count: 2, retryAfter: 7, path: "/v1/aggregations" });
    expect((await call(sim, "GET", "/v1/sites")).status).toBe(200);
    for (let i = 0; i < 2; i++) {
      const failed = await call(sim, "GET", report);
      expect(failed.status).toBe(503);
      expect(failed.headers.get("Retry-After")).toBe("7");
      expect(failed.body).toEqual({ error: expect.any(String) });
    }
    expect((await call(sim, "GET", report)).status).toBe(200);

    sim.control.injectFault({ status: 500, count: 1, body: { error: "boom" } });
    expect(await call(sim, "GET", "/v1/account")).toMatchObject({ status: 500, body: { error: "boom" } });
    sim.control.injectFault({ status: 429, count: 5 });
    expect((await call(sim, "GET", "/v1/account")).body).toEqual({ message: "Too Many Attempts." });
    sim.control.clearFaults();
    expect((await call(sim, "GET", "/v1/account")).status).toBe(200);
  });

  it("adds the configured latency to every answer", async () => {
    const sim = createSimulator({ now: () => NOW, latencyMs: 400 });
    let started = performance.now();
    await call(sim, "GET", "/v1/account");
    expect(performance.now() - started).toBeGreaterThanOrEqual(395);
    started = performance.now();
    await call(sim, "GET", "/v1/account", { token: "wrong" });
    expect(performance.now() - started).toBeGreaterThanOrEqual(395);
    sim.control.setLatency(0);
    started = performance.now();
    await call(sim, "GET", "/v1/account");
    // Without the latency it answers at once (the bound leaves room for a busy machine, not for 400 ms).
    expect(performance.now() - started).toBeLessThan(300);
  });

  it("delays only the first run of an aggregation shape", async () => {
    vi.useFakeTimers({ toFake: ["setTimeout"] });
    const sim = createSimulator({ now: () => NOW, queryPlanDelayMs: 5_000, rateLimits: false });
    let settled = false;
    const first = call(sim, "GET", report).then((answer) => ((settled = true), answer));
    await vi.advanceTimersByTimeAsync(4_000);
    expect(settled).toBe(false);
    await vi.advanceTimersByTimeAsync(1_000);
    expect((await first).status).toBe(200);
    // Same shape, other values: no delay (the timers are not advanced).
    const other = aggregationPath({ entity: "pageview", entity_id: "CDBUGS", aggregates: "visits", date_from: "2025-06-10 00:00:00", date_to: "2025-06-10 23:59:59" });
    expect((await call(sim, "GET", other)).status).toBe(200);
  });
});

describe("simulator: request log and reset", () => {
  it("records what it received, and reset brings state, faults, log and limits back to the options", async () => {
    const sim = createSimulator({ now: () => NOW, rateLimits: { reportsPerMinute: 10, otherPerHour: 1, concurrency: 5 } });
    await call(sim, "DELETE", "/v1/sites/CDBUGS");
    await call(sim, "GET", "/v1/sites?limit=2&limit=3&starting_after=%43DBUGS", { token: "wrong" });
    expect(sim.control.requests()).toEqual([
      { at: NOW.toISOString(), method: "DELETE", path: "/v1/sites/CDBUGS", query: {}, rawQuery: "", ignored: [], status: 200 },
      // `query` is what the parameters say; `rawQuery` keeps what came, repeated names and escapes included.
      { at: NOW.toISOString(), method: "GET", path: "/v1/sites", query: { limit: "3", starting_after: "CDBUGS" }, rawQuery: "limit=2&limit=3&starting_after=%43DBUGS", ignored: [], status: 401 },
    ]);
    expect((await call(sim, "GET", "/v1/sites/CDBUGS")).status).toBe(429);
    sim.control.injectFault({ status: 500, count: 3 });
    sim.control.setRateLimits(false);
    sim.control.reset();
    expect(sim.control.requests()).toEqual([]);
    expect((await call(sim, "GET", "/v1/sites/CDBUGS")).status).toBe(200); // restored, not faulted, budget fresh
    expect((await call(sim, "GET", "/v1/sites/CDBUGS")).status).toBe(429); // limits back to the options
    sim.control.clearRequests();
    expect(sim.control.requests()).toEqual([]);
  });
});
