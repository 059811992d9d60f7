import { describe, expect, it } from "vitest";
import { aggregationPath, call } from "./fixture";
import { createSimulator } from "./simulator";

const NOW = new Date("2025-06-15T12:00:00Z");
const simulator = () => createSimulator({ now: () => NOW, rateLimits: false });
const week = { date_from: "2025-06-01 00:00:00", date_to: "2025-06-07 23:59:59" };
const pageviews = (params: Record<string, string | object[]> = {}) =>
  aggregationPath({ entity: "pageview", entity_id: "CDBUGS", aggregates: "pageviews", ...week, ...params });

describe("simulator: authentication (401)", () => {
  it("refuses a missing or wrong token with Fathom's body, and accepts the configured one", async () => {
    const sim = createSimulator({ token: "secret-token", now: () => NOW });
    expect(await call(sim, "GET", "/v1/sites", { token: null })).toMatchObject({ status: 401, body: { error: "Unauthenticated" } });
    expect(await call(sim, "GET", "/v1/sites", { token: "sim-token" })).toMatchObject({ status: 401, body: { error: "Unauthenticated" } });
    expect((await call(sim, "GET", "/v1/sites", { token: "secret-token" })).status).toBe(200);
    expect((await call(simulator(), "GET", "/v1/sites")).status).toBe(200);
  });
});

describe("simulator: not found (404) and retired (410)", () => {
  it("answers 404 with a general error for unknown sites, events, milestones and paths", async () => {
    const sim = simulator();
    for (const path of [
      "/v1/sites/NOPE",
      "/v1/sites/NOPE/events",
      "/v1/sites/CDBUGS/events/NOPENOPE",
      "/v1/sites/CDBUGS/milestones/00000000-0000-4000-8000-000000000000",
      "/v1/current_visitors?site_id=NOPE",
      pageviews({ entity_id: "NOPE" }),
      aggregationPath({ entity: "event", entity_id: "NOPENOPE", aggregates: "conversions" }),
      "/v1/nothing-here",
      "/v1/sites/%E0%A4%A",
    ]) {
      const answer = await call(sim, "GET", path);
      expect(answer.status, path).toBe(404);
      expect(typeof answer.body.error, path).toBe("string");
    }
    expect((await call(sim, "DELETE", "/v1/sites/NOPE")).status).toBe(404);
    expect((await call(sim, "POST", "/v1/sites/NOPE/milestones", { body: { name: "x", milestone_date: "2025-01-01" } })).status).toBe(404);
  });

  it("answers 410 Gone for both wipe endpoints, and 405 for a method a route lacks", async () => {
    const sim = simulator();
    expect(await call(sim, "DELETE", "/v1/sites/CDBUGS/data")).toMatchObject({ status: 410, body: { error: expect.stringMatching(/retired/) } });
    expect((await call(sim, "DELETE", "/v1/sites/CDBUGS/events/ABCDEFGH/data")).status).toBe(410);
    expect((await call(sim, "PUT", "/v1/sites/CDBUGS")).status).toBe(405);
  });
});

describe("simulator: validation of management input (400 { errors })", () => {
  const cases: Array<[string, string, unknown, Record<string, string[]>]> = [
    ["POST", "/v1/sites", {}, { name: ["The name field is required."] }],
    ["POST", "/v1/sites", { name: "x".repeat(256) }, { name: ["The name may not be greater than 255 characters."] }],
    ["POST", "/v1/sites", { name: "Daffy", sharing: "secret" }, { sharing: ["The selected sharing is invalid."] }],
    ["POST", "/v1/sites", { name: "Daffy", sharing: "private" }, { share_password: ["The share password field is required when sharing is private."] }],
    ["POST", "/v1/sites", { name: "Daffy", timezone: "Mars/Olympus" }, { timezone: ["The timezone must be a valid zone."] }],
    ["POST", "/v1/sites", { name: "Daffy", multi_domain: true }, { multi_domain_option: ["The multi domain option field is required when multi domain is true."] }],
    ["POST", "/v1/sites/CDBUGS", { name: 42 }, { name: ["The name must be a string."] }],
    ["POST", "/v1/sites/CDBUGS/events", {}, { name: ["The name field is required."] }],
    ["POST", "/v1/sites/CDBUGS/events", { name: "Paid", currency: "doubloon" }, { currency: ["The selected currency is invalid."] }],
    ["POST", "/v1/sites/CDBUGS/milestones", { name: "x".repeat(31), milestone_date: "2025-01-01" }, { name: ["The name may not be greater than 30 characters."] }],
    ["POST", "/v1/sites/CDBUGS/milestones", { name: "Launch", milestone_date: "01/02/2025" }, { milestone_date: ["The milestone date does not match the format Y-m-d."] }],
    ["POST", "/v1/sites/CDBUGS/milestones", { name: "Launch", milestone_date: "2025-02-30" }, { milestone_date: ["The milestone date does not match the format Y-m-d."] }],
    ["POST", "/v1/sites/CDBUGS/milestones", {}, { name: ["The name field is required."], milestone_date: ["The milestone date field is required."] }],
  ];
  it.each(cases)("%s %s %j", async (method, path, body, errors) => {
    expect(await call(simulator(), method, path, { body })).toEqual({ status: 400, headers: expect.anything(), body: { errors } });
  });

  it("refuses a body that is not JSON with a general error", async () => {
    const response = await simulator().handle(
      new Request("https://x/v1/sites", { method: "POST", headers: { Authorization: "Bearer sim-token", "Content-Type": "application/json" }, body: "{name:" }),
    );
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({ error: expect.any(String) });
  });

  it("accepts a form-encoded body too, as Laravel does", async () => {
    const response = await simulator().handle(
      new Request("https://x/v1/sites", {
        method: "POST",
        headers: { Authorization: "Bearer sim-token", "Content-Type": "application/x-www-form-urlencoded" },
        body: "name=Form+Site&sharing=public",
      }),
    );
    expect(await response.json()).toMatchObject({ name: "Form Site", sharing: "public" });
  });
});

describe("simulator: aggregation errors", () => {
  const sim = simulator();
  it.each([
    ["entity missing", aggregationPath({ entity_id: "CDBUGS", aggregates: "pageviews" }), { entity: ["The entity field is required."] }],
    ["entity unknown", aggregationPath({ entity: "session", entity_id: "CDBUGS", aggregates: "pageviews" }), { entity: ["The selected entity is invalid."] }],
    ["aggregates missing", aggregationPath({ entity: "pageview", entity_id: "CDBUGS" }), { aggregates: ["The aggregates field is required."] }],
    ["site missing", aggregationPath({ entity: "pageview", aggregates: "pageviews" }), { entity_id: ["The entity id field is required when entity is pageview."] }],
    ["bad date_from", pageviews({ date_from: "2025-02-30" }), { date_from: ["The date from is not a valid date."] }],
    ["bad grouping", pageviews({ date_grouping: "week" }), { date_grouping: ["The selected date grouping is invalid."] }],
    ["bad timezone", pageviews({ timezone: "Nowhere/Land" }), { timezone: ["The timezone must be a valid zone."] }],
    ["limit 0", pageviews({ limit: "0" }), { limit: ["The limit must be at least 1."] }],
    ["sort format", pageviews({ sort_by: "pageviews" }), { sort_by: [expect.stringMatching(/format/)] }],
  ])("400 { errors } for %s", async (_, path, errors) => {
    expect(await call(sim, "GET", path)).toMatchObject({ status: 400, body: { errors } });
  });

  it.each([
    ["hourly grouping over more than 7 days", pageviews({ date_grouping: "hour", date_from: "2025-06-01 00:00:00", date_to: "2025-06-08 00:00:01" })],
    ["hourly grouping without a start date", aggregationPath({ entity: "pageview", entity_id: "CDBUGS", aggregates: "pageviews", date_grouping: "hour" })],
    ["an unknown aggregate", pageviews({ aggregates: "pageviews,sessions" })],
    ["an unknown grouping field", pageviews({ field_grouping: "planet" })],
    ["domain as a grouping", pageviews({ field_grouping: "domain" })],
    ["keyword as a filter", pageviews({ filters: [{ property: "keyword", operator: "is", value: "x" }] })],
    ["an unknown filter property", pageviews({ filters: [{ property: "planet", operator: "is", value: "x" }] })],
    ["is like on a categorical property", pageviews({ filters: [{ property: "browser", operator: "is like", value: "Chr" }] })],
    ["matching on country_code", pageviews({ filters: [{ property: "country_code", operator: "matching", value: "^U" }] })],
    ["an invalid regular expression", pageviews({ filters: [{ property: "pathname", operator: "matching", value: "^/(blog" }] })],
    ["a filter value that is not a string", pageviews({ filters: [{ property: "pathname", operator: "is", value: 5 }] })],
    ["filters that are not JSON", `${pageviews()}&filters=pathname%3D%2F`],
    ["an unknown sort field", pageviews({ sort_by: "planet:asc" })],
  ])("400 { error } for %s", async (_, path) => {
    const answer = await call(sim, "GET", path);
    expect(answer.status).toBe(400);
    expect(answer.body).toEqual({ error: expect.any(String) });
  });

  it("accepts hourly grouping over exactly 7 days", async () => {
    const answer = await call(sim, "GET", pageviews({ date_grouping: "hour", date_from: "2025-06-01 00:00:00", date_to: "2025-06-08 00:00:00" }));
    expect(answer.status).toBe(200);
    expect(answer.body.length).toBeGreaterThan(150);
  });

  it.each([
    ["pageview aggregates with entity event", aggregationPath({ entity: "event", site_id: "CDBUGS", entity_name: "Purchased product", aggregates: "pageviews", ...week })],
    ["event aggregates with entity pageview", pageviews({ aggregates: "pageviews,conversions" })],
    ["sorting by timestamp without a date grouping", pageviews({ sort_by: "timestamp:desc" })],
    ["sorting by a field that is not requested", pageviews({ sort_by: "visits:desc" })],
  ])("422 for %s", async (_, path) => {
    expect(await call(sim, "GET", path)).toMatchObject({ status: 422, body: { error: expect.any(String) } });
  });

  it("400 for current visitors without a site id", async () => {
    expect(await call(sim, "GET", "/v1/current_visitors")).toMatchObject({ status: 400, body: { errors: { site_id: ["The site id field is required."] } } });
  });
});
