import { describe, expect, it } from "vitest";
import type { FilterOperator, FilterProperty } from "@/lib/query/fathom-fields";
import { aggregate, type AggregationQuery } from "./aggregate";
import { compileFilter } from "./filters";
import { epochMinute, fixedSiteData, type FixturePageview } from "./fixture";

// Seven pageviews around New York's switch to summer time (2024-03-10 07:00 UTC, 02:00 EST → 03:00 EDT).
const PAGEVIEWS: FixturePageview[] = [
  { at: "2024-03-09 12:00", pathname: "/", browser: "Chrome", device_type: "Desktop", country_code: "US", visit: true, bounce: true, duration: 30 },
  { at: "2024-03-09 12:05", pathname: "/blog/hello-world", browser: "Chrome", device_type: "Desktop", country_code: "US", visit: true, duration: 60 },
  { at: "2024-03-09 12:06", pathname: "/pricing", browser: "Chrome", device_type: "Desktop", country_code: "US" },
  { at: "2024-03-10 06:30", pathname: "/blog/second-post", browser: "Firefox", device_type: "Mobile", country_code: "GB", referrer_hostname: "https://www.google.com", visit: true, duration: 20 },
  { at: "2024-03-10 07:30", pathname: "/Blog/Third", browser: "Safari", device_type: "Mobile", country_code: "US", utm_campaign: "spring", visit: true, bounce: true },
  { at: "2024-03-11 03:59", pathname: "/about", browser: "Chrome", device_type: "Desktop", country_code: "DE", visit: true, duration: 10 },
  { at: "2024-03-11 04:00", pathname: "/", browser: "Chrome", device_type: "Tablet", country_code: "US", unique: false, duration: 5 },
];
const data = fixedSiteData(PAGEVIEWS, [
  { at: "2024-03-09 12:06", pathname: "/pricing", event: 0, value: 1000 },
  { at: "2024-03-09 12:07", pathname: "/pricing", event: 0, unique: false, value: 2500 },
  { at: "2024-03-10 06:31", pathname: "/blog/second-post", event: 0, value: 499 },
  { at: "2024-03-10 06:32", pathname: "/blog/second-post", event: 1 },
]);

function run(overrides: Partial<AggregationQuery> = {}, source = data) {
  return aggregate(source, {
    entity: "pageview",
    eventKey: null,
    aggregates: ["pageviews"],
    dateGrouping: null,
    fieldGrouping: [],
    filters: [],
    sort: null,
    limit: null,
    fromMinute: epochMinute("2024-01-01 00:00"),
    toMinute: epochMinute("2024-12-31 23:59"),
    timeZone: "America/New_York",
    ...overrides,
  });
}
const filter = (property: FilterProperty, operator: FilterOperator, value: string) => compileFilter({ property, operator, value });
const pageviewsWhere = (...filters: ReturnType<typeof filter>[]) => run({ filters })[0]?.pageviews;

describe("aggregate: pageview aggregates", () => {
  it("computes every aggregate over all rows, as strings", () => {
    expect(run({ aggregates: ["pageviews", "visits", "uniques", "bounce_rate", "avg_duration"] })).toEqual([
      // 5 entrances, 6 first views of a page, 2 bounces of 5 visits, 125 s over the 5 pageviews with a known duration.
      { pageviews: "7", visits: "5", uniques: "6", bounce_rate: "0.4", avg_duration: "25" },
    ]);
  });

  it("answers one row of zeros without grouping and no rows with grouping when nothing matches", () => {
    const none = { fromMinute: epochMinute("2023-01-01 00:00"), toMinute: epochMinute("2023-01-02 00:00") };
    expect(run({ ...none, aggregates: ["visits", "bounce_rate"] })).toEqual([{ visits: "0", bounce_rate: "0" }]);
    expect(run({ ...none, dateGrouping: "day" })).toEqual([]);
    expect(run({ ...none, fieldGrouping: ["pathname"] })).toEqual([]);
  });
});

describe("aggregate: filters", () => {
  it("`is` and `is not` compare exactly", () => {
    expect(pageviewsWhere(filter("pathname", "is", "/"))).toBe("2");
    expect(pageviewsWhere(filter("pathname", "is not", "/"))).toBe("5");
    expect(pageviewsWhere(filter("referrer_hostname", "is", ""))).toBe("6");
  });

  it("`is like` finds the term anywhere, ignoring case, with * as a wildcard", () => {
    expect(pageviewsWhere(filter("pathname", "is like", "blog"))).toBe("3");
    expect(pageviewsWhere(filter("pathname", "is like", "/blog/*-post"))).toBe("1");
    expect(pageviewsWhere(filter("pathname", "is not like", "blog"))).toBe("4");
  });

  it("`matching` tests a regular expression, case-sensitively", () => {
    expect(pageviewsWhere(filter("pathname", "matching", "^/blog/"))).toBe("2");
    expect(pageviewsWhere(filter("pathname", "not matching", "^/blog/"))).toBe("5");
    expect(pageviewsWhere(filter("pathname", "matching", "^/(about|pricing)$"))).toBe("2");
    expect(() => filter("pathname", "matching", "(")).toThrow(/regular expression/);
  });

  it("applies every filter (they are and-ed), across visitor, source and page fields", () => {
    expect(pageviewsWhere(filter("browser", "is", "Chrome"))).toBe("5");
    expect(pageviewsWhere(filter("browser", "is", "Chrome"), filter("device_type", "is not", "Desktop"))).toBe("1");
    expect(pageviewsWhere(filter("utm_campaign", "is", "spring"), filter("country_code", "is", "US"))).toBe("1");
    expect(pageviewsWhere(filter("domain", "is", "example.com"))).toBe("7");
  });
});

describe("aggregate: groupings, sort and limit", () => {
  it("groups by any combination of fields, busiest first by default", () => {
    expect(run({ fieldGrouping: ["browser", "device_type"] })).toEqual([
      { browser: "Chrome", device_type: "Desktop", pageviews: "4" },
      { browser: "Chrome", device_type: "Tablet", pageviews: "1" },
      { browser: "Firefox", device_type: "Mobile", pageviews: "1" },
      { browser: "Safari", device_type: "Mobile", pageviews: "1" },
    ]);
  });

  it("sorts by a grouped field or an aggregate, and limits after sorting", () => {
    const byBrowser = run({ fieldGrouping: ["browser"], sort: { field: "browser", descending: true } });
    expect(byBrowser.map((row) => row.browser)).toEqual(["Safari", "Firefox", "Chrome"]);
    const fewestVisits = run({ fieldGrouping: ["country_code"], aggregates: ["visits"], sort: { field: "visits", descending: false }, limit: 2 });
    expect(fewestVisits).toEqual([
      { country_code: "DE", visits: "1" },
      { country_code: "GB", visits: "1" },
    ]);
  });

  it("puts a pageview's bounce rate and duration on the group it belongs to", () => {
    expect(run({ fieldGrouping: ["country_code"], aggregates: ["visits", "bounce_rate", "avg_duration"], sort: { field: "country_code", descending: false } })).toEqual([
      { country_code: "DE", visits: "1", bounce_rate: "0", avg_duration: "10" },
      { country_code: "GB", visits: "1", bounce_rate: "0", avg_duration: "20" },
      { country_code: "US", visits: "3", bounce_rate: "0.6667", avg_duration: "31.67" },
    ]);
  });
});

describe("aggregate: date buckets in the reporting time zone", () => {
  it("buckets days in the site's zone, across the switch to summer time", () => {
    expect(run({ dateGrouping: "day" })).toEqual([
      { date: "2024-03-09", pageviews: "3" },
      { date: "2024-03-10", pageviews: "3" }, // 01:30 EST, 03:30 EDT and 23:59 EDT
      { date: "2024-03-11", pageviews: "1" }, // 00:00 EDT
    ]);
    expect(run({ dateGrouping: "day", timeZone: "UTC" })).toEqual([
      { date: "2024-03-09", pageviews: "3" },
      { date: "2024-03-10", pageviews: "2" },
      { date: "2024-03-11", pageviews: "2" },
    ]);
  });

  it("skips the hour that does not exist and sorts by timestamp on request", () => {
    // The local day has 23 hours: 05:00 UTC to 03:59 UTC the next day.
    expect(run({ dateGrouping: "hour", fromMinute: epochMinute("2024-03-10 05:00"), toMinute: epochMinute("2024-03-11 03:59") })).toEqual([
      { date: "2024-03-10 01:00:00", pageviews: "1" },
      { date: "2024-03-10 03:00:00", pageviews: "1" },
      { date: "2024-03-10 23:00:00", pageviews: "1" },
    ]);
    expect(run({ dateGrouping: "day", sort: { field: "timestamp", descending: true } }).map((row) => row.date)).toEqual([
      "2024-03-11",
      "2024-03-10",
      "2024-03-09",
    ]);
  });

  it("merges the repeated hour when clocks go back", () => {
    const autumn = fixedSiteData([
      { at: "2024-11-03 05:30", pathname: "/" }, // 01:30 EDT
      { at: "2024-11-03 06:30", pathname: "/" }, // 01:30 EST
      { at: "2024-11-03 07:10", pathname: "/" }, // 02:10 EST
    ]);
    const from = epochMinute("2024-11-03 04:00");
    expect(run({ dateGrouping: "hour", fromMinute: from, toMinute: from + 25 * 60 - 1 }, autumn)).toEqual([
      { date: "2024-11-03 01:00:00", pageviews: "2" },
      { date: "2024-11-03 02:00:00", pageviews: "1" },
    ]);
  });

  it("labels months and years, and groups dates together with fields", () => {
    expect(run({ dateGrouping: "month" })).toEqual([{ date: "2024-03", pageviews: "7" }]);
    expect(run({ dateGrouping: "year", aggregates: ["visits"] })).toEqual([{ date: "2024", visits: "5" }]);
    expect(run({ dateGrouping: "day", fieldGrouping: ["device_type"], filters: [filter("country_code", "is", "US")] })).toEqual([
      { device_type: "Desktop", date: "2024-03-09", pageviews: "3" },
      { device_type: "Mobile", date: "2024-03-10", pageviews: "1" },
      { device_type: "Tablet", date: "2024-03-11", pageviews: "1" },
    ]);
  });

  it("keeps only rows inside the range, both ends included", () => {
    // 2024-03-10 in New York: 05:00 UTC (EST midnight) to 03:59:59 UTC the next day (EDT).
    expect(run({ fromMinute: epochMinute("2024-03-10 05:00"), toMinute: epochMinute("2024-03-11 03:59") })[0]?.pageviews).toBe("3");
    expect(run({ fromMinute: epochMinute("2024-03-09 12:05"), toMinute: epochMinute("2024-03-09 12:05") })[0]?.pageviews).toBe("1");
  });

  it("handles zones with half-hour offsets", () => {
    // India is UTC+05:30: 2024-03-09 12:00 UTC is 17:30 there, 2024-03-11 04:00 UTC is 09:30.
    expect(run({ dateGrouping: "hour", timeZone: "Asia/Kolkata", fromMinute: epochMinute("2024-03-09 12:00"), toMinute: epochMinute("2024-03-09 12:10") })).toEqual([
      { date: "2024-03-09 17:00:00", pageviews: "3" },
    ]);
  });
});

describe("aggregate: event aggregates", () => {
  it("counts completions, first completions in a visit and their value in cents", () => {
    expect(run({ entity: "event", eventKey: 0, aggregates: ["conversions", "unique_conversions", "value"] })).toEqual([
      { conversions: "3", unique_conversions: "2", value: "3999" },
    ]);
    expect(run({ entity: "event", eventKey: 0, aggregates: ["conversions", "value"], fieldGrouping: ["pathname"] })).toEqual([
      { pathname: "/pricing", conversions: "2", value: "3500" },
      { pathname: "/blog/second-post", conversions: "1", value: "499" },
    ]);
    expect(run({ entity: "event", eventKey: 1, aggregates: ["conversions"], dateGrouping: "day" })).toEqual([{ date: "2024-03-10", conversions: "1" }]);
    expect(run({ entity: "event", eventKey: null, aggregates: ["conversions"] })).toEqual([{ conversions: "0" }]);
  });
});

describe("aggregate: empty ranges", () => {
  it("answers nothing for a range that ends before it starts", () => {
    const backwards = { fromMinute: epochMinute("2024-03-11 00:00"), toMinute: epochMinute("2024-03-09 00:00") };
    expect(run({ ...backwards, dateGrouping: "day" })).toEqual([]);
    expect(run(backwards)).toEqual([{ pageviews: "0" }]);
  });
});
