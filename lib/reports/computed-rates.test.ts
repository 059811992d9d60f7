import { describe, expect, it } from "vitest";
import { defaultReportQuery, type ReportQuery } from "@/lib/query/report-query";
import { computedRates } from "./computed-rates";

const event: ReportQuery = { ...defaultReportQuery("CDBUGS"), entity: "event", event: "Purchase", metrics: ["conversions", "unique_conversions", "value"] };

describe("computedRates", () => {
  it("computes conversion rate and revenue per visitor from the site's visits, and order value from completions", () => {
    const rates = computedRates({ query: event, totals: { conversions: 40, unique_conversions: 30, value: 120_000 }, siteVisits: 1_000 });
    expect(rates.map(({ key, value }) => [key, value])).toEqual([
      ["conversion_rate", 0.03],
      ["revenue_per_visitor", 120],
      ["average_order_value", 3_000],
    ]);
    expect(rates[0]).toMatchObject({ label: "Conversion rate", formula: "unique completions ÷ site visits", format: "percent" });
  });

  it("computes the comparison's when the report compares", () => {
    const [rate] = computedRates({
      query: { ...event, compare: "previous_period" },
      totals: { unique_conversions: 30 },
      siteVisits: 1_000,
      comparison: { range: undefined as never, rows: [], totals: { unique_conversions: 10 }, siteVisits: 500 },
    });
    expect(rate).toMatchObject({ key: "conversion_rate", value: 0.03, previous: 0.02 });
  });

  it("leaves out what cannot be computed and says null for a division by zero", () => {
    // Without the site's visits only the order value can be computed; without value, neither money figure.
    expect(computedRates({ query: event, totals: { conversions: 0, unique_conversions: 0, value: 0 } }).map((rate) => [rate.key, rate.value])).toEqual([
      ["average_order_value", null],
    ]);
    expect(computedRates({ query: { ...event, metrics: ["unique_conversions"] }, totals: { unique_conversions: 3 }, siteVisits: 0 })).toEqual([
      expect.objectContaining({ key: "conversion_rate", value: null }),
    ]);
    expect(computedRates({ query: defaultReportQuery("CDBUGS"), totals: { visits: 10 }, siteVisits: 10 })).toEqual([]);
  });
});
