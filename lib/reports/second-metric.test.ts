import { describe, expect, it } from "vitest";
import { secondMetric, secondMetricChoices, timeSeriesTitle, withSecondMetric } from "./second-metric";

describe("the second metric", () => {
  it("is one of the report's other metrics, and none once it is the one drawn", () => {
    expect(secondMetricChoices(["visits", "bounce_rate", "pageviews"], "visits")).toEqual(["bounce_rate", "pageviews"]);
    expect(secondMetric("bounce_rate", ["visits", "bounce_rate"], "visits")).toBe("bounce_rate");
    expect(secondMetric("bounce_rate", ["visits", "bounce_rate"], "bounce_rate")).toBeNull();
    expect(secondMetric("uniques", ["visits", "bounce_rate"], "visits")).toBeNull();
  });

  it("sits beside the first's figures, bucket by bucket", () => {
    const points = withSecondMetric(
      [{ bucket: "a", value: 1, previous: 2 }, { bucket: "b" }],
      [{ bucket: "a", value: 0.5 }, { bucket: "b" }],
    );
    expect(points).toEqual([{ bucket: "a", value: 1, previous: 2, second: 0.5 }, { bucket: "b" }]);
  });

  it("names the chart", () => {
    expect(timeSeriesTitle("visits", null)).toBe("Visits over time");
    expect(timeSeriesTitle("visits", "bounce_rate")).toBe("Visits and bounce rate over time");
  });
});
