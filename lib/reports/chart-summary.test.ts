import { describe, expect, it } from "vitest";
import { barSummary, multiSeriesSummary, timeSeriesSummary } from "./chart-summary";

describe("chart summaries", () => {
  it("say what a time series shows, in the metric's own format", () => {
    const summary = timeSeriesSummary({
      metric: "bounce_rate",
      kind: "line",
      grouping: "month",
      points: [
        { bucket: "2024-01", value: 0.4 },
        { bucket: "2024-02", value: 0.55 },
        { bucket: "2024-03" },
      ],
      markers: [],
    });
    expect(summary).toBe("Line chart of Bounce rate, monthly, January 2024 to March 2024. Highest 55.0% on February 2024; lowest 40.0% on January 2024.");
  });

  it("name a second metric, its axis and its highest and lowest, and whose the comparison is", () => {
    const summary = timeSeriesSummary({
      metric: "visits",
      second: "avg_duration",
      kind: "bar",
      grouping: "month",
      points: [
        { bucket: "2024-01", value: 120, second: 90 },
        { bucket: "2024-02", value: 890, second: 45 },
      ],
      markers: [],
      comparisonLabel: "Previous year",
    });
    expect(summary).toBe(
      "Bar chart of Visits and Avg. time on site (right axis), monthly, January 2024 to February 2024. Highest 890 on February 2024; lowest 120 on January 2024. Avg. time on site: highest 1m 30s on January 2024; lowest 45s on February 2024. A dashed line shows the previous year of Visits.",
    );
  });

  it("say when there are no figures yet", () => {
    expect(timeSeriesSummary({ metric: "visits", kind: "area", grouping: "day", points: [{ bucket: "2024-05-01" }], markers: [] })).toContain("No figures yet.");
  });

  it("list the top bars with money in the event's currency", () => {
    const data = [
      { label: "/pricing", value: 250_000 },
      { label: "/", value: 100 },
    ];
    expect(barSummary({ metric: "value", currency: "dollar", data, groupLabel: "Page" })).toBe("Bar chart of Value by Page, top 2: /pricing $2,500.00, / $1.00.");
  });

  it("name every series of a multi-series chart", () => {
    const series = [
      { key: "s0", name: "Chrome" },
      { key: "other", name: "Other" },
    ];
    expect(multiSeriesSummary({ metric: "visits", kind: "bar", grouping: "day", series, groupLabel: "Browser" })).toBe(
      "Bar chart of Visits by Browser, daily, one series each for Chrome, Other.",
    );
  });

  it("say which figure is only so far", () => {
    const summary = timeSeriesSummary({
      metric: "visits",
      kind: "line",
      grouping: "day",
      points: [
        { bucket: "2024-05-14", value: 300 },
        { bucket: "2024-05-15", value: 40 },
      ],
      markers: [],
      partialBucket: "2024-05-15",
    });
    expect(summary).toContain("The figure for Wed, May 15, 2024 is today so far.");
  });

  it("say the bars' order and scope, and read names without flags", () => {
    const data = [
      { label: "🇩🇪 Germany", spoken: "Germany", value: 0.2 },
      { label: "(none)", value: 0.3 },
    ];
    expect(barSummary({ metric: "bounce_rate", data, groupLabel: "Country", direction: "asc", scope: "rows with at least 50 visits" })).toBe(
      "Bar chart of Bounce rate by Country, rows with at least 50 visits, bottom 2: Germany 20.0%, (none) 30.0%.",
    );
    const series = [{ key: "s0", name: "🇫🇷 France", spoken: "France" }];
    expect(multiSeriesSummary({ metric: "visits", kind: "line", grouping: "day", series, groupLabel: "Country" })).toContain("one series each for France.");
  });
});

