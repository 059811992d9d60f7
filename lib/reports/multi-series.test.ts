import { describe, expect, it } from "vitest";
import type { ReportRow } from "@/lib/query/report-result";
import { multiSeries } from "./multi-series";

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

  it("names the groups as the table does: an empty referrer is direct, a country by name", () => {
    const rows: ReportRow[] = [
      { date: "2024-05-01", fields: { referrer_hostname: "" }, values: { visits: 5 } },
      { date: "2024-05-01", fields: { referrer_hostname: null }, values: { visits: 2 } },
      { date: "2024-05-02", fields: { referrer_hostname: "news.example" }, values: { visits: 3 } },
    ];
    const chart = multiSeries(rows, "visits", ["referrer_hostname"], buckets, "2024-05-02");
    expect(chart.series).toEqual([
      { key: "s0", name: "Direct / none" },
      { key: "s1", name: "news.example" },
    ]);
    expect(chart.points[0]).toMatchObject({ s0: 7, s1: 0 });
    const countries = multiSeries([{ date: "2024-05-01", fields: { country_code: "FR" }, values: { visits: 1 } }], "visits", ["country_code"], buckets, "2024-05-01");
    expect(countries.series).toEqual([{ key: "s0", name: "🇫🇷 France", spoken: "France" }]);
  });
});
