import { describe, expect, it } from "vitest";
import { defaultReportQuery, type ReportQuery } from "@/lib/query/report-query";
import type { ReportRow } from "@/lib/query/report-result";
import { fieldChartRanking, isRateMetric, minimumScope, rankRows, rankingTitle, volumeMetric } from "./field-ranking";

const query = (overrides: Partial<ReportQuery>): ReportQuery => ({ ...defaultReportQuery("CDBUGS"), grouping: "none", by: ["pathname"], metrics: ["visits", "bounce_rate"], ...overrides });
const page = (pathname: string, visits: number, bounce: number): ReportRow => ({ fields: { pathname }, values: { visits, bounce_rate: bounce } });
const rows = [page("/", 900, 0.4), page("/tiny", 5, 1), page("/pricing", 300, 0.6), page("/blog", 60, 0.8)];

describe("fieldChartRanking", () => {
  it("follows the report's sort by a metric, in its direction", () => {
    expect(fieldChartRanking(query({ sort: { field: "bounce_rate", direction: "desc" } }), "visits", false)).toEqual({ metric: "bounce_rate", direction: "desc" });
    expect(fieldChartRanking(query({ sort: { field: "visits", direction: "asc" } }), "visits", false)).toEqual({ metric: "visits", direction: "asc" });
  });

  it("ranks by the first metric, biggest first, without a sort or when sorted by a field", () => {
    expect(fieldChartRanking(query({}), "visits", false)).toEqual({ metric: "visits", direction: "desc" });
    expect(fieldChartRanking(query({ sort: { field: "pathname", direction: "asc" } }), "visits", false)).toEqual({ metric: "visits", direction: "desc" });
  });

  it("draws the metric the reader picked, biggest first, unless it is the sort's", () => {
    const sorted = query({ sort: { field: "bounce_rate", direction: "asc" } });
    expect(fieldChartRanking(sorted, "visits", true)).toEqual({ metric: "visits", direction: "desc" });
    expect(fieldChartRanking(sorted, "bounce_rate", true)).toEqual({ metric: "bounce_rate", direction: "asc" });
  });
});

describe("rankRows", () => {
  it("ranks by the metric in either direction", () => {
    expect(rankRows(rows, ["pathname"], { metric: "bounce_rate", direction: "desc" }, null).map((bar) => bar.label)).toEqual(["/tiny", "/blog", "/pricing", "/"]);
    expect(rankRows(rows, ["pathname"], { metric: "bounce_rate", direction: "asc" }, null, 2)).toEqual([
      { label: "/", value: 0.4 },
      { label: "/pricing", value: 0.6 },
    ]);
  });

  it("leaves out rows under the minimum, so a page seen five times does not top a rate", () => {
    const ranked = rankRows(rows, ["pathname"], { metric: "bounce_rate", direction: "desc" }, { metric: "visits", value: 50 });
    expect(ranked.map((bar) => bar.label)).toEqual(["/blog", "/pricing", "/"]);
  });

  it("leaves out rows without a figure and keeps ties in the report's order", () => {
    const tied: ReportRow[] = [page("/b", 1, 0.5), { fields: { pathname: "/none" }, values: { visits: 3 } }, page("/a", 2, 0.5)];
    expect(rankRows(tied, ["pathname"], { metric: "bounce_rate", direction: "asc" }, null).map((bar) => bar.label)).toEqual(["/b", "/a"]);
  });
});

describe("titles and minimums", () => {
  it("say what the bars are ranked by, and what they are limited to", () => {
    expect(rankingTitle({ shown: 10, ranking: { metric: "visits", direction: "desc" }, minimum: null, by: ["pathname"] })).toBe("Top 10 by visits");
    expect(rankingTitle({ shown: 4, ranking: { metric: "bounce_rate", direction: "asc" }, minimum: null, by: ["pathname"] })).toBe("Bottom 4 by bounce rate");
    expect(rankingTitle({ shown: 3, ranking: { metric: "bounce_rate", direction: "desc" }, minimum: { metric: "visits", value: 50 }, by: ["pathname"] })).toBe(
      "Top 3 by bounce rate, pages with at least 50 visits",
    );
    expect(minimumScope({ metric: "conversions", value: 100 }, ["browser"])).toBe("rows with at least 100 completions");
    expect(minimumScope({ metric: "visits", value: 0 }, ["pathname"])).toBeNull();
  });

  it("are for rates and averages, counted in visits, pageviews or uniques, or completions", () => {
    expect(["bounce_rate", "avg_duration", "visits", "value"].map((metric) => isRateMetric(metric as never))).toEqual([true, true, false, false]);
    expect(volumeMetric("pageview", ["bounce_rate", "pageviews", "visits"])).toBe("visits");
    expect(volumeMetric("pageview", ["bounce_rate", "uniques"])).toBe("uniques");
    expect(volumeMetric("pageview", ["bounce_rate", "avg_duration"])).toBeNull();
    expect(volumeMetric("event", ["value", "conversions"])).toBe("conversions");
  });
});
