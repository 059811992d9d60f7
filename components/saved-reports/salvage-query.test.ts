import { describe, expect, it } from "vitest";
import { defaultReportQuery, type ReportQuery } from "@/lib/query/report-query";
import { canonicalReportQuery } from "@/lib/query/stored-query";
import { salvageReportQuery } from "./salvage-query";

const weekly: ReportQuery = {
  ...defaultReportQuery("CDBUGS"),
  metrics: ["visits", "pageviews"],
  range: { preset: "last_7_days" },
  grouping: "day",
  by: ["pathname"],
  filters: [{ property: "pathname", operator: "is like", value: "/blog" }],
  limit: 20,
};

describe("salvageReportQuery", () => {
  it("keeps a valid query whole", () => {
    expect(salvageReportQuery(canonicalReportQuery(weekly))).toEqual({ query: { ...weekly, sort: { field: "visits", direction: "desc" } }, dropped: [] });
  });

  it("leaves out a metric that is gone and keeps the rest", () => {
    const stored = { ...canonicalReportQuery(weekly), metrics: ["visits", "time_on_page"] };
    const salvage = salvageReportQuery(stored)!;
    expect(salvage.dropped).toEqual(["the metric “time_on_page”"]);
    expect(salvage.query).toMatchObject({ metrics: ["visits"], range: { preset: "last_7_days" }, by: ["pathname"], limit: 20 });
  });

  it("drops each field that breaks a rule, naming it", () => {
    const stored = {
      ...canonicalReportQuery(weekly),
      grouping: "hour",
      range: { preset: "last_90_days" },
      by: ["pathname", "domain"],
      filters: [{ property: "keyword", operator: "is", value: "x" }, ...weekly.filters],
      sort: { field: "bounce_rate", direction: "asc" },
    };
    const salvage = salvageReportQuery(stored)!;
    expect(salvage.dropped).toEqual(["the date grouping", "grouping by “domain”", "a filter that could not be read", "the sort"]);
    expect(salvage.query).toMatchObject({ range: { preset: "last_90_days" }, grouping: "auto", by: ["pathname"], filters: weekly.filters });
    expect(salvage.query.sort).toBeUndefined();
  });

  it("puts a query without a readable site on the fallback site, and gives up without one", () => {
    const stored = { ...canonicalReportQuery(weekly), site: "../etc" };
    expect(salvageReportQuery(stored, "ZXCVBN")).toMatchObject({ query: { site: "ZXCVBN" }, dropped: ["the site"] });
    expect(salvageReportQuery(stored)).toBeNull();
  });

  it("never guesses at a newer report format or a value that is no query", () => {
    expect(salvageReportQuery({ ...canonicalReportQuery(weekly), version: 99 }, "CDBUGS")).toBeNull();
    expect(salvageReportQuery("nonsense", "CDBUGS")).toBeNull();
    expect(salvageReportQuery(null, "CDBUGS")).toBeNull();
  });

  it("keeps an event report's event, and its metrics only with it", () => {
    const stored = { ...canonicalReportQuery(defaultReportQuery("CDBUGS")), entity: "event", event: null, metrics: ["conversions"] };
    const salvage = salvageReportQuery(stored)!;
    expect(salvage.dropped).toEqual(["the event", "the metric “Completions”"]);
    expect(salvage.query.entity).toBe("pageview");
  });
});
