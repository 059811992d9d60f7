import { describe, expect, it } from "vitest";
import { aggregationPath, call } from "./fixture";
import { createSimulator } from "./simulator";

const NOW = new Date("2025-06-15T12:00:00Z");
const simulator = (seed = 42) => createSimulator({ seed, now: () => NOW, rateLimits: false });
const MAY = { date_from: "2025-05-01 00:00:00", date_to: "2025-05-31 23:59:59" };
const pv = (params: Record<string, string | object[]>) => aggregationPath({ entity: "pageview", entity_id: "CDBUGS", ...MAY, ...params });
const total = (rows: Array<Record<string, string>>, field: string) => rows.reduce((sum, row) => sum + Number(row[field]), 0);

describe("dataset: determinism", () => {
  it("answers the same for the same seed and clock, differently for another seed", async () => {
    const path = pv({ aggregates: "pageviews,visits,avg_duration", field_grouping: "referrer_source,device_type", sort_by: "pageviews:desc", limit: "20" });
    const [a, b, c] = await Promise.all([simulator(), simulator(), simulator(7)].map((sim) => call(sim, "GET", path)));
    expect(a!.body).toEqual(b!.body);
    expect(a!.body).not.toEqual(c!.body);
    const ids = async (seed: number) => (await call(simulator(seed), "POST", "/v1/sites", { body: { name: "New" } })).body.id;
    expect(await ids(42)).toBe(await ids(42));
  });

  it("gives a past day the same numbers whichever range or order asked for it first", async () => {
    const day = { date_from: "2025-05-10 00:00:00", date_to: "2025-05-10 23:59:59", aggregates: "pageviews,visits,uniques" };
    const fresh = await call(simulator(), "GET", pv(day));
    const sim = simulator();
    await call(sim, "GET", pv({ aggregates: "pageviews", date_grouping: "month" }));
    expect((await call(sim, "GET", pv(day))).body).toEqual(fresh.body);
  });
});

describe("dataset: consistent aggregations", () => {
  it("adds up across date buckets, field groups and complementary filters", async () => {
    const sim = simulator();
    const [all] = (await call(sim, "GET", pv({ aggregates: "pageviews,visits,uniques" }))).body;
    expect(Number(all.pageviews)).toBeGreaterThan(50_000); // thousands a day on the main site
    const byDay = (await call(sim, "GET", pv({ aggregates: "pageviews,visits", date_grouping: "day" }))).body;
    expect(byDay).toHaveLength(31);
    expect(total(byDay, "pageviews")).toBe(Number(all.pageviews));
    const byPage = (await call(sim, "GET", pv({ aggregates: "pageviews,visits", field_grouping: "hostname,pathname" }))).body;
    expect(byPage.length).toBeGreaterThan(40); // a long tail of pages
    expect(total(byPage, "visits")).toBe(Number(all.visits));
    const blog = [{ property: "pathname", operator: "is like", value: "/blog/" }];
    const notBlog = [{ property: "pathname", operator: "is not like", value: "/blog/" }];
    const [a, b] = await Promise.all([blog, notBlog].map((filters) => call(sim, "GET", pv({ aggregates: "pageviews", filters }))));
    expect(Number(a!.body[0].pageviews) + Number(b!.body[0].pageviews)).toBe(Number(all.pageviews));
    expect(Number(all.uniques)).toBeLessThan(Number(all.pageviews));
  });

  it("reports rates and durations in Fathom's units", async () => {
    const [row] = (await call(simulator(), "GET", pv({ aggregates: "bounce_rate,avg_duration" }))).body;
    expect(Number(row.bounce_rate)).toBeGreaterThan(0.3);
    expect(Number(row.bounce_rate)).toBeLessThan(0.8);
    expect(Number(row.avg_duration)).toBeGreaterThan(10);
    expect(Number(row.avg_duration)).toBeLessThan(300);
  });

  it("finds an event by site and name or by its id, with values in cents", async () => {
    const sim = simulator();
    const byName = await call(sim, "GET", aggregationPath({ entity: "event", site_id: "CDBUGS", entity_name: "Purchased product", aggregates: "conversions,unique_conversions,value", ...MAY }));
    const byId = await call(sim, "GET", aggregationPath({ entity: "event", entity_id: "IJKLMNOP", aggregates: "conversions,unique_conversions,value", ...MAY }));
    expect(byName.body).toEqual(byId.body);
    const [row] = byName.body;
    expect(Number(row.conversions)).toBeGreaterThan(20);
    expect(Number(row.unique_conversions)).toBeLessThanOrEqual(Number(row.conversions));
    expect(Number(row.value) / Number(row.conversions)).toBeGreaterThan(1000); // tens of dollars, in cents
    const unknown = await call(sim, "GET", aggregationPath({ entity: "event", site_id: "CDBUGS", entity_name: "Never fired", aggregates: "conversions", date_grouping: "day", ...MAY }));
    expect(unknown).toMatchObject({ status: 200, body: [] });
  });

  it("has dimensions that agree with each other", async () => {
    const sim = simulator();
    const devices = (await call(sim, "GET", pv({ aggregates: "pageviews", field_grouping: "device_type,operating_system,browser" }))).body;
    for (const row of devices) {
      if (row.browser === "Safari") expect(["Mac OS X", "iOS"]).toContain(row.operating_system);
      if (row.operating_system === "iOS" || row.operating_system === "Android") expect(row.device_type).not.toBe("Desktop");
    }
    const places = (await call(sim, "GET", pv({ aggregates: "pageviews", field_grouping: "country_code,region,city" }))).body;
    const countryOfCity = new Map<string, string>();
    for (const row of places) {
      expect(countryOfCity.get(row.city) ?? row.country_code).toBe(row.country_code);
      countryOfCity.set(row.city, row.country_code);
    }
    const campaigns = (await call(sim, "GET", pv({ aggregates: "visits", field_grouping: "utm_source,utm_medium,utm_campaign,keyword" }))).body;
    for (const row of campaigns) {
      expect(row.utm_source === "").toBe(row.utm_campaign === "");
      if (row.keyword) expect(row.utm_medium).toBe("cpc");
    }
    expect(campaigns.some((row: { utm_campaign: string }) => row.utm_campaign === "newsletter-2025-05")).toBe(true);
  });

  it("follows the day and the week in the site's time zone", async () => {
    const sim = simulator();
    const hours = (await call(sim, "GET", pv({ aggregates: "visits", date_grouping: "hour", date_from: "2025-05-12 00:00:00", date_to: "2025-05-18 23:59:59" }))).body;
    const atHour = (hour: string) => total(hours.filter((row: { date: string }) => row.date.endsWith(`${hour}:00:00`)), "visits");
    expect(atHour("14")).toBeGreaterThan(atHour("03") * 4);
    const days = (await call(sim, "GET", pv({ aggregates: "pageviews", date_grouping: "day" }))).body as Array<{ date: string; pageviews: string }>;
    const weekday = (row: { date: string }) => new Date(`${row.date}T12:00:00Z`).getUTCDay();
    const mean = (rows: typeof days) => total(rows, "pageviews") / rows.length;
    expect(mean(days.filter((row) => weekday(row) % 6 !== 0))).toBeGreaterThan(mean(days.filter((row) => weekday(row) % 6 === 0)) * 1.2);
  });

  it("buckets in the `timezone` parameter when given", async () => {
    const sim = simulator();
    const path = (timezone?: string) =>
      pv({ aggregates: "pageviews", date_grouping: "day", date_from: "2025-05-10 00:00:00", date_to: "2025-05-10 23:59:59", ...(timezone ? { timezone } : {}) });
    const newYork = (await call(sim, "GET", path())).body;
    const tokyo = (await call(sim, "GET", path("Asia/Tokyo"))).body;
    expect(newYork.map((row: { date: string }) => row.date)).toEqual(["2025-05-10"]);
    expect(tokyo.map((row: { date: string }) => row.date)).toEqual(["2025-05-10"]);
    expect(tokyo[0].pageviews).not.toBe(newYork[0].pageviews); // a different 24 hours
  });

  it("has no data for sites and events created through the API", async () => {
    const sim = simulator();
    const id = (await call(sim, "POST", "/v1/sites", { body: { name: "Empty" } })).body.id;
    expect((await call(sim, "GET", aggregationPath({ entity: "pageview", entity_id: id, aggregates: "pageviews" }))).body).toEqual([{ pageviews: "0" }]);
    expect((await call(sim, "GET", `/v1/current_visitors?site_id=${id}`)).body).toEqual({ total: 0 });
  });
});

describe("current visitors", () => {
  it("is stable within a minute, drifts with the time of day and breaks down consistently", async () => {
    let now = new Date("2025-06-10T18:30:10Z"); // 14:30 in New York
    const sim = createSimulator({ now: () => now, rateLimits: false });
    const detailed = (await call(sim, "GET", "/v1/current_visitors?site_id=CDBUGS&detailed=true")).body;
    now = new Date("2025-06-10T18:30:50Z");
    expect((await call(sim, "GET", "/v1/current_visitors?site_id=CDBUGS&detailed=true")).body).toEqual(detailed);
    expect(detailed.total).toBeGreaterThan(0);
    expect(total(detailed.content, "total")).toBe(detailed.total);
    expect(total(detailed.referrers, "total")).toBeLessThanOrEqual(detailed.total);
    expect(detailed.content.length).toBeLessThanOrEqual(150);
    expect(Object.keys(detailed.content[0])).toEqual(["hostname", "pathname", "total"]);
    expect(Object.keys(detailed.referrers[0] ?? { referrer_hostname: 1, referrer_pathname: 1, total: 1 })).toEqual(["referrer_hostname", "referrer_pathname", "total"]);

    let afternoons = 0;
    let nights = 0;
    for (let day = 1; day <= 7; day++) {
      now = new Date(`2025-06-0${day}T18:30:00Z`);
      afternoons += (await call(sim, "GET", "/v1/current_visitors?site_id=CDBUGS")).body.total;
      now = new Date(`2025-06-0${day}T08:00:00Z`); // 04:00 in New York
      nights += (await call(sim, "GET", "/v1/current_visitors?site_id=CDBUGS")).body.total;
    }
    expect(afternoons).toBeGreaterThan(nights * 2);
  });

  it("can be overridden, keeping the breakdown consistent with the total", async () => {
    const sim = createSimulator({ now: () => new Date("2025-06-10T18:30:00Z"), rateLimits: false });
    sim.control.setCurrentVisitors("CDBUGS", 500);
    const body = (await call(sim, "GET", "/v1/current_visitors?site_id=CDBUGS&detailed=true")).body;
    expect(body.total).toBe(500);
    expect(total(body.content, "total")).toBe(500);
    expect(total(body.referrers, "total")).toBeLessThanOrEqual(500);
    expect((await call(sim, "GET", "/v1/current_visitors?site_id=CDBUGS&detailed=false")).body).toEqual({ total: 500 });
    sim.control.setCurrentVisitors("CDBUGS", null);
    expect((await call(sim, "GET", "/v1/current_visitors?site_id=CDBUGS")).body.total).toBeLessThan(500);
  });
});
