import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { aggregationParamsSchema } from "./aggregation-params";
import { defaultReportQuery, type ReportQuery } from "./report-query";
import { validReportQuery } from "./report-query-arbitrary";
import { rangeFromDays } from "./resolve-range";
import { planReport, toAggregationParams } from "./to-aggregation-params";

const NY = "America/New_York";
const NOW = new Date("2024-05-15T16:00:00Z");
const week = rangeFromDays("2024-05-09", "2024-05-15", NY);
const base = defaultReportQuery("CDBUGS");

describe("toAggregationParams", () => {
  it("maps a pageview report to the site's id, its metrics, dates and the resolved grouping", () => {
    expect(toAggregationParams(base, week)).toEqual({
      entity: "pageview",
      entity_id: "CDBUGS",
      aggregates: ["visits", "pageviews", "bounce_rate", "avg_duration"],
      date_from: "2024-05-09 00:00:00",
      date_to: "2024-05-15 23:59:59",
      date_grouping: "day",
      sort_by: "timestamp:asc",
    });
  });

  it("maps an event report to site_id and entity_name, with filters, groupings, sort and limit", () => {
    const query: ReportQuery = {
      ...base,
      entity: "event",
      event: "Purchase",
      metrics: ["conversions", "value"],
      grouping: "none",
      by: ["utm_source", "country_code"],
      filters: [{ property: "utm_source", operator: "is like", value: "news*" }],
      sort: { field: "value", direction: "asc" },
      limit: 25,
    };
    expect(toAggregationParams(query, week)).toEqual({
      entity: "event",
      site_id: "CDBUGS",
      entity_name: "Purchase",
      aggregates: ["conversions", "value"],
      date_from: "2024-05-09 00:00:00",
      date_to: "2024-05-15 23:59:59",
      field_grouping: ["utm_source", "country_code"],
      filters: [{ property: "utm_source", operator: "is like", value: "news*" }],
      sort_by: "value:asc",
      limit: 25,
    });
  });

  it("sorts field-grouped rows by the first metric, largest first, when no sort is chosen", () => {
    expect(toAggregationParams({ ...base, grouping: "none", by: ["pathname"], metrics: ["pageviews", "visits"] }, week).sort_by).toBe(
      "pageviews:desc",
    );
  });

  it("asks Fathom for no sort at all for an ungrouped report", () => {
    expect(toAggregationParams({ ...base, grouping: "none" }, week)).not.toHaveProperty("sort_by");
  });

  it("drops groupings, sort and limit for totals, and field groupings for a date-only series", () => {
    const query: ReportQuery = { ...base, by: ["browser"], sort: { field: "visits", direction: "desc" }, limit: 5 };
    const totals = toAggregationParams(query, week, { ungrouped: true });
    expect(totals).not.toHaveProperty("date_grouping");
    expect(totals).not.toHaveProperty("field_grouping");
    expect(totals).not.toHaveProperty("sort_by");
    expect(totals).not.toHaveProperty("limit");
    const series = toAggregationParams(query, week, { dateOnly: true });
    expect(series).toMatchObject({ date_grouping: "day", sort_by: "timestamp:asc" });
    expect(series).not.toHaveProperty("field_grouping");
    expect(series).not.toHaveProperty("limit");
  });

  it("resolves auto grouping from the range's length", () => {
    expect(toAggregationParams(base, rangeFromDays("2024-05-14", "2024-05-15", NY)).date_grouping).toBe("hour");
    expect(toAggregationParams(base, rangeFromDays("2024-01-01", "2024-05-15", NY)).date_grouping).toBe("month");
  });
});

describe("planReport", () => {
  it("asks for totals only when the report is grouped", () => {
    const grouped = planReport(base, { timezone: NY, now: NOW });
    expect(grouped.grouping).toBe("day");
    expect(grouped.range).toMatchObject({ startDate: "2024-04-16", endDate: "2024-05-15", days: 30 });
    expect(grouped.totals).toMatchObject({ aggregates: base.metrics, date_from: "2024-04-16 00:00:00" });
    expect(grouped.totals).not.toHaveProperty("date_grouping");
    expect(grouped.comparison).toBeNull();
    expect(planReport({ ...base, grouping: "none" }, { timezone: NY, now: NOW }).totals).toBeNull();
  });

  it("plans the comparison's series and totals over the weekday-aligned previous period", () => {
    const plan = planReport({ ...base, range: { preset: "last_7_days" }, compare: "previous_period" }, { timezone: NY, now: NOW });
    expect(plan.comparison?.range).toMatchObject({ startDate: "2024-05-02", endDate: "2024-05-08" });
    expect(plan.comparison?.rows).toMatchObject({ date_grouping: "day", date_from: "2024-05-02 00:00:00", date_to: "2024-05-08 23:59:59" });
    expect(plan.comparison?.totals).not.toHaveProperty("date_grouping");
  });

  it("keeps the main grouping for the comparison even when auto would pick another for its length", () => {
    // 1–29 Feb 2024 is 29 days; the year before is 28; both daily. Two days vs. the same: hourly.
    const plan = planReport(
      { ...base, range: { preset: "custom", from: "2024-02-28", to: "2024-02-29" }, compare: "previous_year" },
      { timezone: NY, now: NOW },
    );
    expect(plan.grouping).toBe("hour");
    expect(plan.comparison?.range).toMatchObject({ startDate: "2023-02-28", endDate: "2023-02-28", days: 1 });
    expect(plan.comparison?.rows?.date_grouping).toBe("hour");
  });

  it("compares a field-only breakdown row by row: the previous period by the same fields, sort and limit", () => {
    const query: ReportQuery = { ...base, grouping: "none", by: ["pathname"], limit: 10, compare: "previous_year" };
    const plan = planReport(query, { timezone: NY, now: NOW });
    expect(plan.comparison?.rows).toMatchObject({
      field_grouping: ["pathname"],
      sort_by: "visits:desc",
      limit: 10,
      date_from: "2023-04-16 00:00:00",
      date_to: "2023-05-15 23:59:59",
    });
    expect(plan.comparison?.rows).not.toHaveProperty("date_grouping");
    expect(plan.comparison?.totals).toMatchObject({ date_from: "2023-04-16 00:00:00", date_to: "2023-05-15 23:59:59" });
    expect(planReport({ ...base, grouping: "none", compare: "previous_year" }, { timezone: NY, now: NOW }).comparison?.rows).toBeNull();
  });

  it("sums additive totals from the buckets instead of asking for them, and asks when a metric is not additive", () => {
    const additive: ReportQuery = { ...base, metrics: ["pageviews", "visits"], compare: "previous_period" };
    const plan = planReport(additive, { timezone: NY, now: NOW });
    expect([plan.sumTotals, plan.totals, plan.comparison?.totals]).toEqual([true, null, null]);
    expect(plan.comparison?.rows).toMatchObject({ date_grouping: "day" });
    // Uniques count a person once per range; a limit keeps only some buckets; fields split visits across rows.
    expect(planReport({ ...additive, metrics: ["pageviews", "uniques"] }, { timezone: NY, now: NOW }).totals).not.toBeNull();
    expect(planReport({ ...additive, limit: 5 }, { timezone: NY, now: NOW }).totals).not.toBeNull();
    expect(planReport({ ...additive, by: ["pathname"] }, { timezone: NY, now: NOW }).totals).not.toBeNull();
    // The comparison's series is every bucket whatever the main query's limit: its totals are still summed.
    expect(planReport({ ...additive, limit: 5 }, { timezone: NY, now: NOW }).comparison?.totals).toBeNull();
  });

  it("produces only parameters Fathom accepts, for every valid query, timezone and day", () => {
    fc.assert(
      fc.property(
        validReportQuery,
        fc.constantFrom("UTC", NY, "Europe/London", "Asia/Tokyo", "Australia/Lord_Howe"),
        fc.date({ min: new Date("2020-01-01T00:00:00Z"), max: new Date("2030-01-01T00:00:00Z"), noInvalidDate: true }),
        (query, timezone, now) => {
          const plan = planReport(query, { timezone, now, earliest: "2019-06-01" });
          const all = [plan.main, plan.totals, plan.comparison?.rows, plan.comparison?.totals].filter((p) => p != null);
          for (const params of all) {
            const result = aggregationParamsSchema.safeParse(params);
            expect(result.success ? [] : result.error.issues).toEqual([]);
          }
        },
      ),
      { numRuns: 400 },
    );
  });
});
