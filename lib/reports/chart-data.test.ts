import { describe, expect, it } from "vitest";
import type { ReportRange, ReportRow } from "@/lib/query/report-result";
import { dayOfBucket, drawnKind, milestoneMarkers, multiSeries, timeSeriesPoints, topRows } from "./chart-data";

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

describe("multiSeries", () => {
  const buckets = ["2024-05-01", "2024-05-02", "2024-05-03"];
  const row = (date: string, pathname: string, pageviews: number, bounce = 0.5): ReportRow => ({
    date,
    fields: { pathname },
    values: { pageviews, bounce_rate: bounce },
  });
  const rows = ["/a", "/b", "/c", "/d", "/e", "/f", "/g"].flatMap((path, rank) => [row("2024-05-01", path, 70 - rank * 10), row("2024-05-02", path, 1)]);

  it("keeps the top five groups and sums the rest into Other, filling gaps up to the last bucket", () => {
    const chart = multiSeries(rows, "pageviews", ["pathname"], buckets, "2024-05-02");
    expect(chart.series.map((series) => series.name)).toEqual(["/a", "/b", "/c", "/d", "/e", "Other"]);
    expect(chart.points[0]).toEqual({ bucket: "2024-05-01", s0: 70, s1: 60, s2: 50, s3: 40, s4: 30, other: 20 + 10 });
    expect(chart.points[1]).toMatchObject({ s0: 1, other: 2 });
    expect(chart.points[2]).toEqual({ bucket: "2024-05-03", s0: undefined, s1: undefined, s2: undefined, s3: undefined, s4: undefined, other: undefined });
  });

  it("fills a group's missing bucket with zero", () => {
    const chart = multiSeries([row("2024-05-01", "/a", 3), row("2024-05-03", "/a", 4)], "pageviews", ["pathname"], buckets, "2024-05-03");
    expect(chart.points.map((point) => point.s0)).toEqual([3, 0, 4]);
  });

  it("has no Other for a ratio, which cannot be added up", () => {
    const chart = multiSeries(rows, "bounce_rate", ["pathname"], buckets, "2024-05-02");
    expect(chart.series.map((series) => series.key)).toEqual(["s0", "s1", "s2", "s3", "s4"]);
  });
});
