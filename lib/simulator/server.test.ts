import { spawn } from "node:child_process";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSimulatorServer, type SimulatorServer } from "./server";

let server: SimulatorServer;
const api = (route: string, token = "T") => fetch(`${server.url}${route}`, { headers: { Authorization: `Bearer ${token}` } });
const control = (method: string, route: string, body?: unknown) =>
  fetch(`${server.url}/_sim/${route}`, { method, headers: { "Content-Type": "application/json" }, body: body === undefined ? undefined : JSON.stringify(body) });

beforeAll(async () => {
  server = await startSimulatorServer({ port: 0, token: "T", warmUp: false, now: () => new Date("2025-06-15T12:00:00Z") });
});
afterAll(() => server.close());

describe("standalone server", () => {
  it("listens on loopback and serves /v1 with the token", async () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect((await control("GET", "health")).status).toBe(200);
    expect((await api("/v1/sites/CDBUGS")).status).toBe(200);
    expect((await api("/v1/sites/CDBUGS", "wrong")).status).toBe(401);
    const created = await fetch(`${server.url}/v1/sites/CDBUGS/milestones`, {
      method: "POST",
      headers: { Authorization: "Bearer T", "Content-Type": "application/json" },
      body: JSON.stringify({ name: "Over HTTP", milestone_date: "2025-06-01" }),
    });
    expect(created.status).toBe(201);
  });

  it("injects faults, changes config and reports requests under /_sim/", async () => {
    await control("POST", "reset");
    expect((await control("POST", "faults", { status: 503, count: 1, retryAfter: 9, path: "/v1/account" })).status).toBe(200);
    const faulted = await api("/v1/account");
    expect(faulted.status).toBe(503);
    expect(faulted.headers.get("retry-after")).toBe("9");
    expect((await api("/v1/account")).status).toBe(200);

    await control("POST", "config", { rateLimits: { reportsPerMinute: 1, otherPerHour: 100, concurrency: 5 }, currentVisitors: { siteId: "CDBUGS", total: 42 } });
    expect(await (await api("/v1/current_visitors?site_id=CDBUGS")).json()).toEqual({ total: 42 });
    expect((await api("/v1/current_visitors?site_id=CDBUGS")).status).toBe(429);
    await control("POST", "config", { rateLimits: false, now: "2025-07-01T00:00:00Z", latencyMs: 0 });
    expect((await api("/v1/current_visitors?site_id=CDBUGS")).status).toBe(200);

    const log = (await (await control("GET", "requests")).json()) as Array<{ path: string; status: number; at: string }>;
    expect(log.map((entry) => entry.status)).toEqual([503, 200, 200, 429, 200]);
    expect(log.at(-1)).toMatchObject({ path: "/v1/current_visitors", at: "2025-07-01T00:00:00.000Z" });
    await control("DELETE", "requests");
    expect(await (await control("GET", "requests")).json()).toEqual([]);
    await control("POST", "faults", { status: 500, count: 5 });
    await control("DELETE", "faults");
    expect((await api("/v1/account")).status).toBe(200);
  });

  it("answers a catastrophically backtracking regex filter at once, with the right figures", async () => {
    const pageviews = async (filters?: object[]) => {
      const params = new URLSearchParams({ entity: "pageview", entity_id: "CDBUGS", aggregates: "pageviews", date_from: "2025-06-01 00:00:00", date_to: "2025-06-07 23:59:59" });
      if (filters) params.set("filters", JSON.stringify(filters));
      const response = await api(`/v1/aggregations?${params}`);
      return { status: response.status, body: (await response.json()) as unknown };
    };
    await control("POST", "config", { rateLimits: false });
    const all = await pageviews(); // also generates the week, so the timing below is the filter's
    expect(all.body).toEqual([{ pageviews: expect.stringMatching(/^[1-9]\d{3,}$/) }]);
    // No pathname has a '#', so nothing matches: JavaScript's RegExp backtracks exponentially on each one and never answers.
    const pattern = "(([a-z/-]|[a-z/-])+)+#$";
    const started = performance.now();
    expect(await pageviews([{ property: "pathname", operator: "matching", value: pattern }])).toEqual({ status: 200, body: [{ pageviews: "0" }] });
    expect(await pageviews([{ property: "pathname", operator: "not matching", value: pattern }])).toEqual(all);
    expect(performance.now() - started).toBeLessThan(5_000);
    expect(await pageviews([{ property: "pathname", operator: "matching", value: "^/blog(?=/)" }])).toEqual({
      status: 400,
      body: { error: "The pathname filter's value is not a valid regular expression." },
    });
    await control("POST", "reset");
  });

  it("refuses malformed control bodies with 400", async () => {
    expect((await control("POST", "faults", { status: "bad" })).status).toBe(400);
    expect((await control("POST", "config", { rateLimits: { reportsPerMinute: -1 } })).status).toBe(400);
    expect((await control("POST", "config", { now: "yesterday" })).status).toBe(400);
    expect((await control("GET", "nothing")).status).toBe(404);
  });
});

describe("npm run simulator", () => {
  it("prints where it listens, then stops cleanly on SIGTERM", async () => {
    const root = path.resolve(__dirname, "../..");
    // `node --import tsx` runs the CLI in this process, so the test sees its own signal handling
    // rather than tsx's relay (which gives a child only 30 ms to acknowledge a signal).
    const child = spawn(process.execPath, ["--import", "tsx", "lib/simulator/cli.ts", "--port", "0", "--token", "cli-token", "--no-rate-limits"], {
      cwd: root,
      stdio: ["ignore", "pipe", "pipe"],
    });
    const line = await new Promise<string>((resolve, reject) => {
      let output = "";
      child.stdout.on("data", (chunk: Buffer) => {
        output += chunk.toString();
        const match = /simulator listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(output);
        if (match) resolve(match[1]!);
      });
      child.once("exit", (code) => reject(new Error(`exited early with ${code}: ${output}`)));
    });
    const response = await fetch(`${line}/v1/account`, { headers: { Authorization: "Bearer cli-token" } });
    expect(response.status).toBe(200);
    const exit = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
    child.kill("SIGTERM");
    expect(await exit).toBe(0);
  });
});
