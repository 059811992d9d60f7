import { get } from "node:http";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import type { FaultInput } from "./faults";
import { startSimulatorServer, type SimulatorServer } from "./server";
import type { RequestLogEntry } from "./simulator";

let server: SimulatorServer;
const NOW = () => new Date("2025-06-15T12:00:00Z");
const api = (route: string, init: { token?: string; signal?: AbortSignal } = {}) =>
  fetch(`${server.url}${route}`, { headers: { Authorization: `Bearer ${init.token ?? "T"}` }, signal: init.signal });
const control = (method: string, route: string, body?: unknown) =>
  fetch(`${server.url}/_sim/${route}`, { method, headers: { "Content-Type": "application/json" }, body: body === undefined ? undefined : JSON.stringify(body) });
const inject = async (fault: FaultInput) => expect((await control("POST", "faults", fault)).status).toBe(200);
const log = async () => (await (await control("GET", "requests")).json()) as RequestLogEntry[];
/** Waits until the request log has `count` entries (a dropped request is logged once the server is done with it). */
async function logOf(count: number): Promise<RequestLogEntry[]> {
  for (let tries = 0; tries < 100; tries++) {
    const entries = await log();
    if (entries.length >= count) return entries;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error(`the request log never reached ${count} entries`);
}

beforeAll(async () => {
  server = await startSimulatorServer({ port: 0, token: "T", warmUp: false, rateLimits: false, now: NOW });
});
afterAll(() => server.close());
beforeEach(async () => {
  await control("POST", "reset");
  await control("POST", "config", { rateLimits: false });
});

describe("standalone server: network faults on the socket", () => {
  it("reset: destroys the connection without an answer", async () => {
    await inject({ kind: "reset", count: 1, path: "/v1/account" });
    const failure = await api("/v1/account").catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(TypeError);
    expect(failure).toMatchObject({ message: "fetch failed" });
    expect((await api("/v1/account")).status).toBe(200);
    expect((await logOf(2)).map((entry) => entry.status)).toEqual([0, 200]);
  });

  it("truncate: sends the headers of a 200 and half its JSON, then drops the connection", async () => {
    await inject({ kind: "truncate", count: 1 });
    const response = await api("/v1/aggregations?entity=pageview&entity_id=CDBUGS&aggregates=pageviews");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/json");
    expect(Number(response.headers.get("content-length"))).toBeGreaterThan(200);
    await expect(response.text()).rejects.toThrow(TypeError); // undici: "terminated", the body ended short of its length
    expect((await logOf(1)).map((entry) => entry.status)).toEqual([200]);
  });

  it("malformed: a 200 with an HTML page", async () => {
    await inject({ kind: "malformed", count: 1 });
    const response = await api("/v1/sites");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/html; charset=UTF-8");
    await expect(response.json()).rejects.toThrow(SyntaxError);
    expect((await api("/v1/sites")).headers.get("content-type")).toBe("application/json");
  });

  it("hang: never answers, and ends as soon as the client gives up", async () => {
    await inject({ kind: "hang", count: 1 }); // the default: 60 s
    const started = performance.now();
    await expect(api("/v1/account", { signal: AbortSignal.timeout(200) })).rejects.toMatchObject({ name: "TimeoutError" });
    expect(performance.now() - started).toBeLessThan(5_000);
    expect((await logOf(1)).map((entry) => entry.status)).toEqual([0]); // logged once the server saw the client leave
  });

  it("hang: drops the connection after hangMs", async () => {
    await inject({ kind: "hang", count: 1, hangMs: 150 });
    const started = performance.now();
    await expect(api("/v1/account")).rejects.toMatchObject({ name: "TypeError", message: "fetch failed" });
    expect(performance.now() - started).toBeGreaterThanOrEqual(140);
  });

  it("429 shapes: the rate limit's body or the concurrency limit's, with Retry-After", async () => {
    await inject({ status: 429, count: 1, shape: "concurrency" });
    await inject({ status: 429, count: 1, shape: "rate" });
    const concurrency = await api("/v1/account");
    expect(concurrency.headers.get("retry-after")).toBe("1");
    expect(await concurrency.json()).toMatchObject({ error: { code: "api_concurrency_limit_reached", limit: 5 } });
    const rate = await api("/v1/account");
    expect(rate.headers.get("retry-after")).toBe("1");
    expect(await rate.json()).toEqual({ message: "Too Many Attempts." });
    expect((await control("POST", "faults", { status: 503, count: 1, shape: "rate" })).status).toBe(400);
    expect((await control("POST", "faults", { kind: "explode", count: 1 })).status).toBe(400);
  });
});

describe("standalone server: revoking the token", () => {
  it("POST /_sim/config { token } makes the old token 401 from then on; reset restores it", async () => {
    expect((await control("POST", "config", { token: "new-token" })).status).toBe(200);
    const refused = await api("/v1/account");
    expect(refused.status).toBe(401);
    expect(await refused.json()).toEqual({ error: "Unauthenticated" });
    expect((await api("/v1/account", { token: "new-token" })).status).toBe(200);
    expect((await control("POST", "config", { token: "" })).status).toBe(400);
    await control("POST", "reset");
    expect((await api("/v1/account")).status).toBe(200);
    expect((await api("/v1/account", { token: "new-token" })).status).toBe(401);
  });
});

describe("standalone server: raw query in the request log", () => {
  it("keeps the query string exactly as it came on the wire", async () => {
    // Sent with node:http given a bare path, which it puts on the wire as is; fetch (or a URL) would encode the quotes.
    const { hostname, port } = new URL(server.url);
    const path = "/v1/sites?limit=2&name='Bugs'&limit=3&x=%2F";
    const status = await new Promise<number | undefined>((resolve, reject) => {
      get({ hostname, port, path, headers: { Authorization: "Bearer T" } }, (response) => {
        response.resume();
        resolve(response.statusCode);
      }).on("error", reject);
    });
    expect(status).toBe(200);
    await api("/v1/account");
    expect(await logOf(2)).toEqual([
      expect.objectContaining({ path: "/v1/sites", rawQuery: "limit=2&name='Bugs'&limit=3&x=%2F", query: { limit: "3", name: "'Bugs'", x: "/" } }),
      expect.objectContaining({ path: "/v1/account", rawQuery: "", query: {} }),
    ]);
  });
});

describe("standalone server: close() with a request held open", () => {
  it("ends the hang, clears its timer and resolves promptly", async () => {
    const own = await startSimulatorServer({ port: 0, token: "T", warmUp: false, rateLimits: false, now: NOW });
    own.simulator.control.injectFault({ kind: "hang", count: 1, hangMs: 600_000 });
    const setTimer = vi.spyOn(globalThis, "setTimeout");
    const clearTimer = vi.spyOn(globalThis, "clearTimeout");
    const hung = fetch(`${own.url}/v1/account`, { headers: { Authorization: "Bearer T" } }).catch((error: unknown) => error);
    const hangTimer = () => setTimer.mock.results[setTimer.mock.calls.findIndex(([, ms]) => ms === 600_000)]?.value as unknown;
    for (let tries = 0; hangTimer() === undefined && tries < 200; tries++) await new Promise((resolve) => setTimeout(resolve, 10));
    expect(hangTimer()).toBeDefined(); // the request is being held
    const started = performance.now();
    await own.close();
    expect(performance.now() - started).toBeLessThan(2_000);
    // Cleared by the time close() resolves: a 10-minute timer left running would keep the process alive.
    expect(clearTimer.mock.calls.map(([timer]) => timer)).toContain(hangTimer());
    expect(await hung).toMatchObject({ name: "TypeError", message: "fetch failed" });
    expect(own.simulator.control.requests().map((entry) => entry.status)).toEqual([0]);
  });
});
