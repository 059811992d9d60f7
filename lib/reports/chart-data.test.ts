import { describe, expect, it } from "vitest";
import type { ReportRange, ReportRow } from "@/lib/query/report-result";
import { dayOfBucket, drawnKind, milestoneMarkers, timeSeriesPoints, topRows } from "./chart-data";

function range(buckets: string[]): ReportRange {
  return {
    from: `${buckets[0]} 00:00:00`,
    to: `${buckets.at(-1)} 23:59:59`,
    startDate: buckets[0]!,
    endDate: buckets.at(-1)!,
    days: buckets.length,
    timezone: "UTC",
    grouping: "day",
    buckets,
  };
}
const day = (date: string, visits: number): ReportRow => ({ date, fields: {}, values: { visits } });

describe("timeSeriesPoints", () => {
  const buckets = ["2024-05-01", "2024-05-02", "2024-05-03", "2024-05-04"];

  it("reads a gap as zero and leaves buckets still to come blank", () => {
    const points = timeSeriesPoints("visits", { range: range(buckets), rows: [day("2024-05-01", 5), day("2024-05-03", 7)] });
    expect(points.map((point) => point.value)).toEqual([5, 0, 7, undefined]);
  });

  it("leaves every missing bucket blank in a limited report", () => {
    const points = timeSeriesPoints("visits", { range: range(buckets), rows: [day("2024-05-03", 7), day("2024-05-01", 5)] }, undefined, false);
    expect(points.map((point) => point.value)).toEqual([5, undefined, 7, undefined]);
  });

  it("aligns the comparison period by position, whatever its dates", () => {
    const previous = ["2024-04-24", "2024-04-25", "2024-04-26", "2024-04-27"];
    const points = timeSeriesPoints(
      "visits",
      { range: range(buckets), rows: buckets.map((b, i) => day(b, i)) },
      { range: range(previous), rows: [day("2024-04-27", 40), day("2024-04-24", 10)] },
    );
    expect(points.map((point) => [point.previousBucket, point.previous])).toEqual([
      ["2024-04-24", 10],
      ["2024-04-25", 0],
      ["2024-04-26", 0],
      ["2024-04-27", 40],
    ]);
  });
});

describe("milestoneMarkers", () => {
  it("puts milestones on their bucket, shares a marker per bucket, and drops those off the axis", () => {
    const milestones = [
      { id: "1", name: "Launch", date: "2024-05-02" },
      { id: "2", name: "Press", date: "2024-05-02" },
      { id: "3", name: "Old", date: "2024-03-01" },
    ];
    expect(milestoneMarkers(milestones, "day", ["2024-05-01", "2024-05-02"])).toEqual([{ bucket: "2024-05-02", names: ["Launch", "Press"], ids: ["1", "2"] }]);
    expect(milestoneMarkers(milestones, "month", ["2024-04", "2024-05"]).map((marker) => marker.bucket)).toEqual(["2024-05"]);
    expect(milestoneMarkers(milestones, "hour", ["2024-05-02 00:00:00", "2024-05-02 01:00:00"])[0]?.names).toEqual(["Launch", "Press"]);
  });

  it("turns a bucket back into the day it starts on", () => {
    expect(dayOfBucket("2024-05-02 13:00:00")).toBe("2024-05-02");
    expect(dayOfBucket("2024-05")).toBe("2024-05-01");
    expect(dayOfBucket("2024")).toBe("2024-01-01");
  });
});

describe("drawnKind", () => {
  it("draws bars for few buckets, lines beyond, and honours an explicit kind", () => {
    expect(drawnKind("auto", 7)).toBe("bar");
    expect(drawnKind("auto", 30)).toBe("line");
    expect(drawnKind("area", 3)).toBe("area");
    expect(drawnKind("table", 30)).toBeNull();
  });
});

describe("topRows", () => {
  it("keeps the biggest rows first, with missing values named", () => {
    const rows: ReportRow[] = [
      { fields: { pathname: "/a", browser: null }, values: { visits: 1 } },
      { fields: { pathname: "/b", browser: "Firefox" }, values: { visits: 9 } },
      { fields: { pathname: "/c", browser: "Chrome" }, values: { visits: 5 } },
    ];
    expect(topRows(rows, "visits", ["pathname", "browser"], 2)).toEqual([
      { label: "/b · Firefox", value: 9 },
      { label: "/c · Chrome", value: 5 },
    ]);
  });
});

describe("bar labels", () => {
  it("name an empty value per field, and a country by name with its flag (its code kept for the tooltip)", () => {
    const rows: ReportRow[] = [
      { fields: { utm_campaign: "", country_code: "DE" }, values: { visits: 9 } },
      { fields: { utm_campaign: null, country_code: "XX" }, values: { visits: 4 } },
    ];
    expect(topRows(rows, "visits", ["utm_campaign", "country_code"])).toEqual([
      { label: "(none) · 🇩🇪 Germany", spoken: "(none) · Germany", raw: "DE", value: 9 },
      { label: "(none) · XX", value: 4 },
    ]);
    expect(topRows([{ fields: { referrer_hostname: "" }, values: { visits: 1 } }], "visits", ["referrer_hostname"])[0]?.label).toBe("Direct / none");
  });
});
