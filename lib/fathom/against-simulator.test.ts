/**
 * The client against the simulator (lib/simulator): two independent readings of the same reference
 * must agree on every endpoint, and the simulator's refusals must land in the right FathomError kinds.
 */
import { afterEach, describe, expect, it } from "vitest";
import { createSimulator, type Simulator } from "@/lib/simulator/simulator";
import { createFathomClient } from "./client";
import { FathomError } from "./errors";
import { loadSiteDirectory } from "./site-directory";

const NOW = new Date("2025-06-15T12:00:00Z");
const simulators: Simulator[] = [];

// Whatever the client sent, each endpoint read every parameter of it: none was a name Fathom passes over.
afterEach(() => {
  const requests = simulators.splice(0).flatMap((simulator) => simulator.control.requests());
  expect(requests.filter((entry) => entry.ignored.length).map((entry) => `${entry.method} ${entry.path}?${entry.rawQuery}`)).toEqual([]);
});

function setup(options: { token?: string; rateLimits?: false | { reportsPerMinute: number; otherPerHour: number; concurrency: number } } = {}) {
  const simulator = createSimulator({ seed: 7, now: () => NOW, rateLimits: options.rateLimits ?? false });
  simulators.push(simulator);
  const sent: string[] = [];
  const client = createFathomClient({
    baseUrl: "http://simulator.local/v1",
    token: options.token ?? "sim-token",
    fetch: (input, init) => {
      const request = new Request(input, init);
      sent.push(`${request.method} ${new URL(request.url).pathname}`);
      return simulator.handle(request);
    },
  });
  return { simulator, client, sent };
}

async function failure(promise: Promise<unknown>) {
  const error = await promise.catch((e: unknown) => e);
  expect(error).toBeInstanceOf(FathomError);
  return error as FathomError;
}

describe("client ↔ simulator", () => {
  it("reads the token and the account", async () => {
    const { client } = setup();
    expect((await client.getToken()).abilities).toContain("*");
    expect(typeof (await client.getAccount()).email).toBe("string");
  });

  it("walks the site directory: several sites in different timezones, one private, with events and milestones", async () => {
    const { client } = setup();
    const directory = await loadSiteDirectory(client);
    expect(directory.length).toBeGreaterThanOrEqual(3);
    expect(new Set(directory.map((s) => s.timezone)).size).toBeGreaterThanOrEqual(3);
    expect(directory.some((s) => s.sharing === "private")).toBe(true);
    expect(directory.some((s) => s.events.length > 0)).toBe(true);
    expect(directory.some((s) => s.milestones.length > 0)).toBe(true);
  });

  it("pages a list one item at a time to the same result as the walker", async () => {
    const { client } = setup();
    const all = await client.listAllSites();
    const oneByOne: string[] = [];
    let after: string | undefined;
    for (;;) {
      const page = await client.listSites({ limit: 1, starting_after: after });
      oneByOne.push(...page.data.map((s) => s.id));
      if (!page.has_more) break;
      after = page.data.at(-1)!.id;
    }
    expect(oneByOne).toEqual(all.map((s) => s.id));
  });

  it("creates, updates and deletes sites, events and milestones", async () => {
    const { client } = setup();
    const site = await client.createSite({ name: "Sounding test", timezone: "Europe/Berlin" });
    expect(site).toMatchObject({ name: "Sounding test", timezone: "Europe/Berlin", sharing: "none" });
    expect(await client.updateSite(site.id, { name: "Renamed", sharing: "private", share_password: "hunter2" })).toMatchObject({
      name: "Renamed",
      sharing: "private",
    });
    expect((await client.getSite(site.id)).name).toBe("Renamed");

    const event = await client.createEvent(site.id, { name: "Signed up", currency: "euro" });
    expect(event).toMatchObject({ name: "Signed up", currency: "euro" });
    expect((await client.updateEvent(site.id, event.id, { name: "Signed up (live)" })).name).toBe("Signed up (live)");
    expect((await client.getEvent(site.id, event.id)).name).toBe("Signed up (live)");

    const milestone = await client.createMilestone(site.id, { name: "Launch", milestone_date: "2025-06-01" });
    expect(milestone.milestone_date.slice(0, 10)).toBe("2025-06-01");
    expect((await client.updateMilestone(site.id, milestone.id, { name: "Launch v2", milestone_date: "2025-06-02" })).name).toBe("Launch v2");
    expect((await client.listAllMilestones(site.id)).map((m) => m.id)).toEqual([milestone.id]);

    expect(await client.deleteMilestone(site.id, milestone.id)).toEqual({ id: milestone.id, object: "milestone", deleted: true });
    expect(await client.deleteEvent(site.id, event.id)).toEqual({ id: event.id, object: "event", deleted: true });
    expect(await client.deleteSite(site.id)).toEqual({ id: site.id, object: "site", deleted: true });
    expect((await failure(client.getSite(site.id))).kind).toBe("not_found");
  });

  it("answers aggregations the client can read: date buckets, groupings, filters, sort and limit", async () => {
    const { client } = setup();
    const [site] = await client.listAllSites();
    const byDay = await client.aggregate({
      entity: "pageview",
      entity_id: site!.id,
      aggregates: ["visits", "pageviews", "bounce_rate"],
      date_grouping: "day",
      date_from: "2025-06-01 00:00:00",
      date_to: "2025-06-07 23:59:59",
      sort_by: "timestamp:asc",
    });
    expect(byDay.length).toBeGreaterThan(0);
    expect(byDay.length).toBeLessThanOrEqual(7);
    expect(byDay.every((row) => /^2025-06-0[1-7]/.test(row.date!) && typeof row.pageviews === "number")).toBe(true);

    const topPages = await client.aggregate({
      entity: "pageview",
      entity_id: site!.id,
      aggregates: ["pageviews"],
      field_grouping: ["pathname"],
      filters: [{ property: "pathname", operator: "is not", value: "/" }],
      sort_by: "pageviews:desc",
      limit: 5,
      date_from: "2025-05-01 00:00:00",
      date_to: "2025-05-31 23:59:59",
    });
    expect(topPages.length).toBeLessThanOrEqual(5);
    expect(topPages.every((row) => row.pathname !== "/")).toBe(true);
    const counts = topPages.map((row) => row.pageviews!);
    expect([...counts].sort((a, b) => b - a)).toEqual(counts);
  });

  it("answers current visitors, with detail when asked", async () => {
    const { client } = setup();
    const [site] = await client.listAllSites();
    const simple = await client.currentVisitors({ siteId: site!.id });
    expect(simple.total).toBeGreaterThanOrEqual(0);
    expect(simple.content).toBeUndefined();
    const detailed = await client.currentVisitors({ siteId: site!.id, detailed: true });
    expect(Array.isArray(detailed.content)).toBe(true);
    expect(Array.isArray(detailed.referrers)).toBe(true);
  });

  it("maps the simulator's refusals: wrong token, unknown site, rate limit with Retry-After", async () => {
    expect((await failure(setup({ token: "not-the-token" }).client.listSites())).kind).toBe("unauthorized");
    expect((await failure(setup().client.listEvents("NOSUCHSITE"))).kind).toBe("not_found");

    const { client } = setup({ rateLimits: { reportsPerMinute: 1, otherPerHour: 2000, concurrency: 5 } });
    const [site] = await client.listAllSites();
    await client.currentVisitors({ siteId: site!.id });
    const limited = await failure(client.currentVisitors({ siteId: site!.id }));
    expect(limited.kind).toBe("rate_limited");
    expect(limited.retryAfterSeconds).toBeGreaterThan(0);
  });

  it("never sends the retired wipes", async () => {
    const { client, sent } = setup();
    expect((await failure(client.wipeSite("CDBUGS"))).kind).toBe("gone");
    expect((await failure(client.wipeEvent("CDBUGS", "ABCDEFGH"))).kind).toBe("gone");
    expect(sent).toEqual([]);
  });
});
