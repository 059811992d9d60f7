import { describe, expect, it } from "vitest";
import { fillDateGaps, sortSeries, toReportRow, totalsFrom, zeroRow } from "./report-rows";

describe("report rows", () => {
  it("reads Fathom's bucket at any precision and keeps only the metrics and fields asked for", () => {
    expect(
      toReportRow({ date: "2024-01-15 13:00:00", visits: 4, pageviews: 9, pathname: "/a" }, { metrics: ["visits"], by: ["pathname"], grouping: "hour" }),
    ).toEqual({ date: "2024-01-15 13:00:00", fields: { pathname: "/a" }, values: { visits: 4 } });
    expect(toReportRow({ date: "2024-01-01", visits: 4 }, { metrics: ["visits"], by: [], grouping: "month" })?.date).toBe("2024-01");
    expect(toReportRow({ date: "nonsense", visits: 4 }, { metrics: ["visits"], by: [], grouping: "day" })).toBeNull();
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
    expect(totalsFrom([{ uniques: 7, visits: 8 }, { uniques: 100, visits: 100 }], ["uniques", "visits"])).toEqual({ uniques: 7, visits: 8 });
    expect(totalsFrom([], ["uniques"])).toEqual({ uniques: 0 });
  });
});
