import { describe, expect, it } from "vitest";
import { fillDateGaps, sortSeries, toReportRow, totalsFrom, zeroRow } from "./report-rows";

describe("report rows", () => {
  it("reads the provider's bucket at any precision and keeps only the metrics and fields asked for", () => {
    const row = { date: "2024-01-15 13:00:00", fields: { pathname: "/a", hostname: "a.test" }, values: { visits: 4, pageviews: 9 } };
    expect(toReportRow(row, { metrics: ["visits"], by: ["pathname"], grouping: "hour" })).toEqual({
      date: "2024-01-15 13:00:00",
      fields: { pathname: "/a" },
      values: { visits: 4 },
    });
    const visits = (date: string) => ({ date, fields: {}, values: { visits: 4 } });
    expect(toReportRow(visits("2024-01-01"), { metrics: ["visits"], by: [], grouping: "month" })?.date).toBe("2024-01");
    expect(toReportRow(visits("nonsense"), { metrics: ["visits"], by: [], grouping: "day" })).toBeNull();
    expect(toReportRow({ fields: {}, values: { visits: 4 } }, { metrics: ["visits"], by: [], grouping: "day" })).toBeNull();
  });

  it("answers zero for a metric and null for a field the provider left out", () => {
    expect(toReportRow({ fields: {}, values: { visits: 4 } }, { metrics: ["visits", "uniques"], by: ["pathname"], grouping: null })).toEqual({
      fields: { pathname: null },
      values: { visits: 4, uniques: 0 },
    });
  });

  it("fills every bucket in order, dropping rows outside the range", () => {
    const rows = [
      { date: "2024-01-03", fields: {}, values: { visits: 3 } },
      { date: "2023-12-31", fields: {}, values: { visits: 99 } },
      { date: "2024-01-01", fields: {}, values: { visits: 1 } },
    ];
    expect(fillDateGaps(rows, ["2024-01-01", "2024-01-02", "2024-01-03"], ["visits"])).toEqual([
      rows[2],
      zeroRow("2024-01-02", ["visits"]),
      rows[0],
    ]);
  });

  it("sorts a series by date either way, or by a metric with ties by date", () => {
    const rows = ["2024-01-02", "2024-01-01", "2024-01-03"].map((date, i) => ({ date, fields: {}, values: { visits: [5, 5, 1][i]! } }));
    expect(sortSeries(rows, undefined).map((r) => r.date)).toEqual(["2024-01-01", "2024-01-02", "2024-01-03"]);
    expect(sortSeries(rows, { field: "timestamp", direction: "desc" }).map((r) => r.date)).toEqual(["2024-01-03", "2024-01-02", "2024-01-01"]);
    expect(sortSeries(rows, { field: "visits", direction: "asc" }).map((r) => r.date)).toEqual(["2024-01-03", "2024-01-01", "2024-01-02"]);
  });

  it("takes totals from the single ungrouped row, never by adding rows up", () => {
    const row = (uniques: number, visits: number) => ({ fields: {}, values: { uniques, visits } });
    expect(totalsFrom([row(7, 8), row(100, 100)], ["uniques", "visits"])).toEqual({ uniques: 7, visits: 8 });
    expect(totalsFrom([], ["uniques"])).toEqual({ uniques: 0 });
  });
});
