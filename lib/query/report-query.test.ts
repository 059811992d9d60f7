import { describe, expect, it } from "vitest";
import { FILTER_OPERATORS, FILTER_PROPERTIES, operatorsFor } from "./fathom-fields";

const CATEGORICAL_FILTER_PROPERTIES = FILTER_PROPERTIES.filter((property) => operatorsFor(property).length === 2);
const TEXT_FILTER_PROPERTIES = FILTER_PROPERTIES.filter((property) => operatorsFor(property).length === FILTER_OPERATORS.length);
import { defaultReportQuery, queryMessages, regexProblem, reportQuerySchema, withEntity, type ReportQuery } from "./report-query";

const base = defaultReportQuery("CDBUGS");
const messages = (patch: Partial<ReportQuery> | Record<string, unknown>) => queryMessages({ ...base, ...patch });

describe("defaultReportQuery", () => {
  it("is pageviews-ish metrics over the last 30 days, grouped automatically, and valid", () => {
    expect(base).toMatchObject({
      site: "CDBUGS",
      entity: "pageview",
      metrics: ["visits", "pageviews", "bounce_rate", "avg_duration"],
      range: { preset: "last_30_days" },
      grouping: "auto",
      compare: "none",
      chart: "auto",
    });
    expect(reportQuerySchema.safeParse(base).success).toBe(true);
    expect(queryMessages(base)).toEqual({});
  });
});

describe("Fathom's rules, each on the control at fault", () => {
  it("metrics must belong to the entity", () => {
    expect(messages({ metrics: ["visits", "value"] })).toEqual({ metrics: ["Value is an event metric — pick a pageview metric"] });
    expect(messages({ entity: "event", event: "Signup", metrics: ["bounce_rate"] })).toEqual({
      metrics: ["Bounce rate is a pageview metric — pick an event metric"],
    });
  });

  it("metrics are picked at least once and at most once", () => {
    expect(messages({ metrics: [] })).toEqual({ metrics: ["Pick at least one metric"] });
    expect(messages({ metrics: ["visits", "visits"] })).toEqual({ metrics: ["Each metric can be picked once"] });
  });

  it("an event report names its event", () => {
    expect(messages({ entity: "event", metrics: ["conversions"] })).toEqual({ event: ["Pick an event to report on"] });
    expect(messages({ entity: "event", event: "  ", metrics: ["conversions"] })).toEqual({ event: ["Pick an event to report on"] });
    expect(messages({ entity: "event", event: "x".repeat(256), metrics: ["conversions"] })).toEqual({
      event: ["Event names are at most 255 characters"],
    });
    expect(messages({ entity: "event", event: "Signup", metrics: ["conversions"] })).toEqual({});
  });

  it("hourly grouping needs a range of 7 days or less, judged by the longest the preset can be", () => {
    const hourly = "Hourly needs a range of 7 days or less — pick Daily, or shorten the range";
    expect(messages({ grouping: "hour" })).toEqual({ grouping: [hourly] });
    expect(messages({ grouping: "hour", range: { preset: "this_month" } })).toEqual({ grouping: [hourly] });
    expect(messages({ grouping: "hour", range: { preset: "custom", from: "2024-01-01", to: "2024-01-08" } })).toEqual({ grouping: [hourly] });
    expect(messages({ grouping: "hour", range: { preset: "custom", from: "2024-01-01", to: "2024-01-07" } })).toEqual({});
    expect(messages({ grouping: "hour", range: { preset: "last_7_days" } })).toEqual({});
    expect(messages({ grouping: "hour", range: { preset: "this_week" } })).toEqual({});
    expect(messages({ grouping: "auto", range: { preset: "all_time" } })).toEqual({});
  });

  it("custom dates are real dates in order", () => {
    expect(messages({ range: { preset: "custom", from: "2024-03-02", to: "2024-03-01" } })).toEqual({
      range: ["The start date is after the end date — swap them"],
    });
    expect(messages({ range: { preset: "custom", from: "2024-02-30", to: "2024-03-01" } })).toEqual({
      "range.from": ["Use a date like 2024-01-31"],
    });
  });

  it("all time cannot be compared", () => {
    expect(messages({ range: { preset: "all_time" }, compare: "previous_year" })).toEqual({
      compare: ["All time has no earlier period to compare with — pick a shorter range or turn comparison off"],
    });
  });

  it("each field is grouped once", () => {
    expect(messages({ by: ["pathname", "pathname"] })).toEqual({ by: ["Group by each field once"] });
  });

  it("categorical properties take only is / is not; text properties take all six operators", () => {
    for (const property of CATEGORICAL_FILTER_PROPERTIES) {
      expect(messages({ filters: [{ property, operator: "is not", value: "x" }] })).toEqual({});
      expect(messages({ filters: [{ property, operator: "matching", value: "x" }] })["filters.0.operator"]?.[0]).toMatch(
        /can only be filtered with “is” or “is not”$/,
      );
    }
    for (const property of TEXT_FILTER_PROPERTIES) {
      for (const operator of FILTER_OPERATORS) {
        expect(messages({ filters: [{ property, operator, value: "^/x" }] })).toEqual({});
      }
    }
  });

  it("keyword can be grouped but not filtered", () => {
    expect(messages({ by: ["keyword"] })).toEqual({});
    expect(messages({ filters: [{ property: "keyword", operator: "is", value: "shoes" }] })).toEqual({
      "filters.0.property": ["Keyword can be grouped by but not filtered on — group by it instead"],
    });
  });

  it("a pattern must be a valid regular expression, for matching and not matching only", () => {
    const broken = { property: "pathname", operator: "not matching", value: "[a-" } as const;
    expect(messages({ filters: [broken] })["filters.0.value"]?.[0]).toMatch(/^That pattern isn't a valid regular expression \(.+\)/);
    expect(messages({ filters: [{ ...broken, operator: "is like" }] })).toEqual({});
    expect(regexProblem("^/blog/\\d{4}/")).toBeNull();
    expect(regexProblem("(")).toBe("Unterminated group");
  });

  it("a filter needs a value", () => {
    expect(messages({ filters: [{ property: "pathname", operator: "is", value: " " }] })).toEqual({
      "filters.0.value": ["Type a value to filter on"],
    });
  });

  it("sorts by a chosen metric or grouping, or by date with a date grouping", () => {
    expect(messages({ sort: { field: "uniques", direction: "desc" } })).toEqual({ sort: ["Sort by one of the chosen metrics or groupings"] });
    expect(messages({ by: ["browser"], sort: { field: "browser", direction: "asc" } })).toEqual({});
    expect(messages({ sort: { field: "visits", direction: "asc" } })).toEqual({});
    expect(messages({ sort: { field: "timestamp", direction: "desc" } })).toEqual({});
    expect(messages({ grouping: "none", sort: { field: "timestamp", direction: "desc" } })).toEqual({
      sort: ["Sorting by date needs a date grouping — pick one, or sort by a metric"],
    });
  });

  it("limits rows between 1 and 10,000", () => {
    expect(messages({ limit: 0 })).toEqual({ limit: ["Show at least one row"] });
    expect(messages({ limit: 2.5 })).toEqual({ limit: ["The row limit is a whole number"] });
    expect(messages({ limit: 10_001 })).toEqual({ limit: ["Show at most 10,000 rows"] });
    expect(messages({ limit: 10_000 })).toEqual({});
  });

  it("reports the rules even when another field is broken", () => {
    expect(Object.keys(messages({ site: "", grouping: "hour", limit: -1 })).sort()).toEqual(["grouping", "limit", "site"]);
  });

  it("answers for input that is not a query at all", () => {
    expect(queryMessages(null)).toHaveProperty("_");
    expect(queryMessages("site=CDBUGS")).toHaveProperty("_");
  });
});

describe("withEntity", () => {
  it("swaps metrics that no longer apply for the entity's defaults and drops their sort", () => {
    const query = withEntity({ ...base, sort: { field: "visits", direction: "desc" } }, "event", "Signup");
    expect(query).toMatchObject({ entity: "event", event: "Signup", metrics: ["conversions", "unique_conversions", "value"] });
    expect(query.sort).toBeUndefined();
    expect(queryMessages(query)).toEqual({});
  });

  it("keeps a sort on a grouped field and metrics that still apply", () => {
    const query = withEntity({ ...base, by: ["pathname"], sort: { field: "pathname", direction: "asc" } }, "pageview");
    expect(query.metrics).toEqual(base.metrics);
    expect(query.sort).toEqual({ field: "pathname", direction: "asc" });
  });
});
