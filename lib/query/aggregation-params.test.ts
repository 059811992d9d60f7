import { describe, expect, it } from "vitest";
import { aggregationParamsSchema, fathomTimestampToUtcMs, type AggregationParams } from "./aggregation-params";

const base: AggregationParams = { entity: "pageview", entity_id: "CDBUGS", aggregates: ["pageviews"] };

/** The messages per field path for params Fathom would refuse; {} when accepted. */
function problems(params: Partial<AggregationParams> & Record<string, unknown>): Record<string, string[]> {
  const result = aggregationParamsSchema.safeParse({ ...base, ...params });
  if (result.success) return {};
  const fields: Record<string, string[]> = {};
  for (const issue of result.error.issues) (fields[issue.path.join(".")] ??= []).push(issue.message);
  return fields;
}

describe("aggregationParamsSchema: Fathom's rules before a request is spent", () => {
  it("accepts a well-formed pageview report and an event report by site and name", () => {
    expect(problems({})).toEqual({});
    expect(
      problems({ entity: "event", entity_id: undefined, site_id: "CDBUGS", entity_name: "purchase", aggregates: ["conversions", "value"] }),
    ).toEqual({});
    expect(problems({ entity: "event", entity_id: "ABCDEFGH", aggregates: ["unique_conversions"] })).toEqual({});
  });

  it("refuses aggregates of the other entity, naming what is allowed", () => {
    expect(problems({ aggregates: ["pageviews", "conversions"] })).toEqual({
      "aggregates.1": [
        "Completions is a metric of event reports; a pageview report can show Visits, Unique visitors, Pageviews, Avg. time on site or Bounce rate.",
      ],
    });
    expect(Object.keys(problems({ entity: "event", entity_id: "E1", aggregates: ["bounce_rate"] }))).toEqual(["aggregates.0"]);
  });

  it("needs the site for pageviews and the site plus event name (or event id) for events", () => {
    expect(problems({ entity_id: undefined })).toEqual({ entity_id: ["Choose the site to report on."] });
    expect(problems({ entity: "event", entity_id: undefined, aggregates: ["conversions"] })).toEqual({
      site_id: ["Choose the site and the event to report on."],
    });
    expect(problems({ entity: "event", entity_id: undefined, site_id: "CDBUGS", aggregates: ["conversions"] })).toEqual({
      entity_name: ["Choose the site and the event to report on."],
    });
  });

  it("allows hourly grouping up to 7 days and refuses it beyond", () => {
    expect(problems({ date_grouping: "hour", date_from: "2024-01-01 00:00:00", date_to: "2024-01-08 00:00:00" })).toEqual({});
    expect(problems({ date_grouping: "hour", date_from: "2024-01-01 00:00:00", date_to: "2024-01-08 00:00:01" })).toEqual({
      date_grouping: ["Hourly grouping works for ranges of up to 7 days; pick a shorter range or group by day."],
    });
    // Without both ends the range is unknown here; Fathom decides.
    expect(problems({ date_grouping: "hour", date_from: "2020-01-01 00:00:00" })).toEqual({});
    expect(problems({ date_grouping: "day", date_from: "2020-01-01 00:00:00", date_to: "2024-01-01 00:00:00" })).toEqual({});
  });

  it("refuses impossible dates and ranges that end before they start", () => {
    expect(problems({ date_from: "2024-02-30 00:00:00" })).toEqual({ date_from: ["The start date is not a real date and time."] });
    expect(problems({ date_to: "2024-01-01 24:00:00" })).toEqual({ date_to: ["The end date is not a real date and time."] });
    expect(problems({ date_from: "2024-02-02 00:00:00", date_to: "2024-02-01 00:00:00" })).toEqual({
      date_to: ["The end date is before the start date."],
    });
    expect(problems({ date_from: "2024-02-01" })).toEqual({ date_from: ["Use the format YYYY-MM-DD HH:mm:ss"] });
  });

  it("allows all six operators on text fields and only is / is not on categorical ones", () => {
    for (const operator of ["is", "is not", "is like", "is not like", "matching", "not matching"] as const) {
      expect(problems({ filters: [{ property: "pathname", operator, value: "/blog" }] })).toEqual({});
    }
    expect(problems({ filters: [{ property: "country_code", operator: "is not", value: "GB" }] })).toEqual({});
    expect(problems({ filters: [{ property: "browser", operator: "is like", value: "Chr*" }] })).toEqual({
      "filters.0.operator": ['A browser filter can only use "is" or "is not".'],
    });
  });

  it("never filters on keyword (it can only be grouped)", () => {
    expect(Object.keys(problems({ filters: [{ property: "keyword", operator: "is", value: "x" }] } as never))).toEqual([
      "filters.0.property",
    ]);
    expect(problems({ field_grouping: ["keyword"] })).toEqual({});
    expect(Object.keys(problems({ field_grouping: ["domain"] } as never))).toEqual(["field_grouping.0"]);
  });

  it("requires a regular expression that compiles for matching / not matching", () => {
    expect(problems({ filters: [{ property: "pathname", operator: "matching", value: "^/blog/\\d{4}/" }] })).toEqual({});
    const bad = problems({ filters: [{ property: "pathname", operator: "not matching", value: "^/(about|contact" }] });
    expect(Object.keys(bad)).toEqual(["filters.0.value"]);
    expect(bad["filters.0.value"]![0]).toMatch(/^The pattern for pathname is not a valid regular expression/);
    // `is like` takes wildcards, not a regex: no compile check
    expect(problems({ filters: [{ property: "pathname", operator: "is like", value: "(*" }] })).toEqual({});
  });

  it("sorts only by an aggregate, a grouping, or timestamp with a date grouping", () => {
    expect(problems({ sort_by: "pageviews:desc" })).toEqual({});
    expect(problems({ field_grouping: ["pathname"], sort_by: "pathname:asc" })).toEqual({});
    expect(problems({ date_grouping: "day", sort_by: "timestamp:asc" })).toEqual({});
    expect(problems({ sort_by: "visits:desc" })).toEqual({ sort_by: ['Sort by a metric or a grouping of this report; "visits" is neither.'] });
    expect(problems({ sort_by: "timestamp:desc" })).toEqual({
      sort_by: ["Sorting by time needs a date grouping (hour, day, month or year)."],
    });
    expect(problems({ sort_by: "pathname" })).toEqual({ sort_by: ["Sort as field:asc or field:desc"] });
  });

  it("refuses an unknown timezone", () => {
    expect(problems({ timezone: "Europe/London" })).toEqual({});
    expect(problems({ timezone: "Mars/Olympus" })).toEqual({ timezone: ['"Mars/Olympus" is not a known timezone.'] });
  });
});

describe("fathomTimestampToUtcMs", () => {
  it("reads real moments and refuses impossible ones", () => {
    expect(fathomTimestampToUtcMs("2024-02-29 23:59:59")).toBe(Date.UTC(2024, 1, 29, 23, 59, 59));
    expect(fathomTimestampToUtcMs("2023-02-29 00:00:00")).toBeNull();
    expect(fathomTimestampToUtcMs("2024-1-1 00:00:00")).toBeNull();
  });
});
