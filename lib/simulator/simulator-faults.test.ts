import { afterEach, describe, expect, it, vi } from "vitest";
import { ZodError } from "zod";
import { faultSchema } from "./faults";
import { aggregationPath, call } from "./fixture";
import { createSimulator } from "./simulator";

const NOW = new Date("2025-06-15T12:00:00Z");
const report = aggregationPath({ entity: "pageview", entity_id: "DAFFYLAB", aggregates: "visits", date_from: "2025-06-14 00:00:00", date_to: "2025-06-14 23:59:59" });
const simulator = () => createSimulator({ now: () => NOW, rateLimits: false });
const request = (path: string, init: { token?: string; signal?: AbortSignal } = {}) =>
  new Request(`https://api.usefathom.test${path}`, { headers: { Authorization: `Bearer ${init.token ?? "sim-token"}` }, signal: init.signal });
const statuses = (sim: ReturnType<typeof simulator>) => sim.control.requests().map((entry) => entry.status);

afterEach(() => vi.useRealTimers());

describe("simulator: fault schema", () => {
  it("reads a fault without a kind as a status fault, as before kinds existed", () => {
    expect(faultSchema.parse({ status: 503, count: 1 })).toEqual({ kind: "status", status: 503, count: 1 });
    expect(faultSchema.parse({ kind: "hang", count: 2, path: "/v1/account" })).toEqual({ kind: "hang", count: 2, path: "/v1/account", hangMs: 60_000 });
    expect(faultSchema.parse({ kind: "reset", count: 1 })).toEqual({ kind: "reset", count: 1 });
  });

  it.each([
    ["an unknown kind", { kind: "explode", count: 1 }],
    ["a status fault without a status", { kind: "status", count: 1 }],
    ["a shape on a status other than 429", { status: 503, count: 1, shape: "concurrency" }],
    ["an unknown 429 shape", { status: 429, count: 1, shape: "daily" }],
    ["a negative hang", { kind: "hang", count: 1, hangMs: -1 }],
    ["no count", { kind: "reset" }],
  ])("refuses %s", (_, fault) => {
    expect(faultSchema.safeParse(fault).success).toBe(false);
    expect(() => simulator().control.injectFault(fault as never)).toThrow(ZodError);
  });
});

describe("simulator: network faults in-process", () => {
  it("reset: rejects as fetch does when the connection drops, then counts down", async () => {
    const sim = simulator();
    sim.control.injectFault({ kind: "reset", count: 1, path: "/v1/aggregations" });
    expect((await call(sim, "GET", "/v1/sites")).status).toBe(200); // another path
    const failure = await sim.handle(request(report)).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(TypeError);
    expect(failure).toMatchObject({ message: "fetch failed", cause: { code: "UND_ERR_SOCKET" } });
    expect((await call(sim, "GET", report)).status).toBe(200);
    expect(statuses(sim)).toEqual([200, 0, 200]);
  });

  it("truncate: a 200 whose JSON body stops halfway", async () => {
    const sim = simulator();
    sim.control.injectFault({ kind: "truncate", count: 1 });
    const response = await sim.handle(request(report));
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/json");
    const text = await response.text();
    expect(text).toMatch(/^\[\{"date":"2025-06-01","pageviews":"\d+"/); // looks like the rows it would have been
    expect(text.length).toBeGreaterThan(200);
    expect(() => JSON.parse(text)).toThrow(SyntaxError);
    expect(statuses(sim)).toEqual([200]);
  });

  it("malformed: a 200 with an HTML page instead of JSON", async () => {
    const sim = simulator();
    sim.control.injectFault({ kind: "malformed", count: 1, path: "/v1/sites" });
    const response = await sim.handle(request("/v1/sites/CDBUGS"));
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/html; charset=UTF-8");
    const text = await response.text();
    expect(text).toMatch(/^<!DOCTYPE html>/);
    expect(() => JSON.parse(text)).toThrow(SyntaxError);
    expect(await (await sim.handle(request("/v1/sites/CDBUGS"))).json()).toMatchObject({ id: "CDBUGS" });
  });

  it("hang: holds the request for hangMs (60 s by default), then drops it", async () => {
    vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout"] });
    const sim = simulator();
    sim.control.injectFault({ kind: "hang", count: 1 });
    let outcome: unknown = "pending";
    void sim.handle(request("/v1/account")).then(
      (response) => (outcome = response),
      (error: unknown) => (outcome = error),
    );
    await vi.advanceTimersByTimeAsync(59_999);
    expect(outcome).toBe("pending");
    expect(sim.control.requests()).toEqual([]); // logged when it ends
    await vi.advanceTimersByTimeAsync(1);
    expect(outcome).toMatchObject({ name: "TypeError", message: "fetch failed" });
    expect(statuses(sim)).toEqual([0]);
    expect(vi.getTimerCount()).toBe(0);
  });

  it("hang: ends at once when the client aborts, rejecting with the abort reason", async () => {
    const sim = simulator();
    sim.control.injectFault({ kind: "hang", count: 1, hangMs: 30_000 });
    const controller = new AbortController();
    const pending = sim.handle(request("/v1/account", { signal: controller.signal }));
    setTimeout(() => controller.abort(), 20);
    const started = performance.now();
    await expect(pending).rejects.toMatchObject({ name: "AbortError" });
    expect(performance.now() - started).toBeLessThan(5_000);
    expect(statuses(sim)).toEqual([0]);
  });

  it("a hang holds a place among the requests in flight until it ends", async () => {
    const sim = createSimulator({ now: () => NOW, rateLimits: { reportsPerMinute: 100, otherPerHour: 100, concurrency: 1 } });
    sim.control.injectFault({ kind: "hang", count: 1, hangMs: 30_000 });
    const controller = new AbortController();
    const hung = sim.handle(request("/v1/account", { signal: controller.signal })).catch(() => null);
    expect((await call(sim, "GET", "/v1/account")).body).toMatchObject({ error: { code: "api_concurrency_limit_reached" } });
    controller.abort();
    await hung;
    expect((await call(sim, "GET", "/v1/account")).status).toBe(200);
  });
});

describe("simulator: injected 429 shapes", () => {
  it("answers the rate limit's body or the concurrency limit's, both with Retry-After", async () => {
    const sim = createSimulator({ now: () => NOW, rateLimits: { reportsPerMinute: 100, otherPerHour: 100, concurrency: 3 } });
    sim.control.injectFault({ status: 429, count: 1, shape: "rate" });
    sim.control.injectFault({ status: 429, count: 1, shape: "concurrency", path: "/v1/account" });
    sim.control.injectFault({ status: 429, count: 1, shape: "concurrency", retryAfter: 4 });
    const rate = await call(sim, "GET", "/v1/sites");
    expect(rate).toMatchObject({ status: 429, body: { message: "Too Many Attempts." } });
    expect(rate.headers.get("Retry-After")).toBe("1");
    const concurrency = await call(sim, "GET", "/v1/account");
    expect(concurrency.status).toBe(429);
    expect(concurrency.body).toEqual({
      error: { code: "api_concurrency_limit_reached", message: expect.stringContaining("up to 3 concurrent requests"), limit: 3, next_tier: expect.any(Object) },
    });
    expect(concurrency.headers.get("Retry-After")).toBe("1");
    expect((await call(sim, "GET", "/v1/sites")).headers.get("Retry-After")).toBe("4");
    expect((await call(sim, "GET", "/v1/sites")).status).toBe(200);
  });
});

describe("simulator: faults come after the token check", () => {
  it("answers 401 to a wrong token and keeps the fault for the next authorised request", async () => {
    const sim = simulator();
    sim.control.injectFault({ kind: "malformed", count: 1 });
    expect(await call(sim, "GET", "/v1/account", { token: "wrong" })).toMatchObject({ status: 401, body: { error: "Unauthenticated" } });
    expect((await sim.handle(request("/v1/account"))).headers.get("content-type")).toMatch(/^text\/html/);
  });
});

describe("simulator: token revocation", () => {
  it("setToken changes the accepted token at once; reset restores the option's", async () => {
    const sim = createSimulator({ now: () => NOW, rateLimits: false, token: "first-token" });
    expect((await call(sim, "GET", "/v1/account", { token: "first-token" })).status).toBe(200);
    sim.control.setToken("new-token");
    expect(await call(sim, "GET", "/v1/account", { token: "first-token" })).toMatchObject({ status: 401, body: { error: "Unauthenticated" } });
    expect((await call(sim, "GET", "/v1/account", { token: "new-token" })).status).toBe(200);
    sim.control.reset();
    expect((await call(sim, "GET", "/v1/account", { token: "first-token" })).status).toBe(200);
    expect((await call(sim, "GET", "/v1/account", { token: "new-token" })).status).toBe(401);
  });
});
