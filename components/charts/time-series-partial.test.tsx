// @vitest-environment jsdom
import { cleanup, render, screen } from "@testing-library/react";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { DrawnPoint } from "@/lib/reports/partial-bucket";
import { TimeSeriesChart } from "./time-series-chart";
import { SeriesTooltip } from "./time-series-tooltip";
import { stubChartLayout } from "./test-chart-layout";

beforeEach(stubChartLayout);
afterEach(cleanup);

const points = ["2024-05-13", "2024-05-14", "2024-05-15", "2024-05-16"].map((bucket, index) => ({ bucket, value: [300, 320, 40, undefined][index] }));
const dashed = (container: HTMLElement) => container.querySelectorAll('.partial-series path[stroke-dasharray="6 4"]');

describe("the bucket still running", () => {
  it("ends a line with a dashed segment from the last whole bucket to it, and says so to screen readers", () => {
    const { container } = render(<TimeSeriesChart points={points} metric="visits" grouping="day" kind="line" markers={[]} partialBucket="2024-05-15" />);
    const [segment] = dashed(container);
    // From the second point to the third: two points, one segment.
    expect(segment?.getAttribute("d")?.match(/[ML]/g)).toEqual(["M", "L"]);
    const solid = container.querySelector('.recharts-line:not(.partial-series) path[name="value"]');
    expect(solid?.getAttribute("d")?.match(/[ML]/g)).toEqual(["M", "L"]);
    expect(screen.getByRole("img").getAttribute("aria-label")).toContain("The figure for Wed, May 15, 2024 is today so far.");
  });

  it("ends an area the same way", () => {
    const { container } = render(<TimeSeriesChart points={points} metric="visits" grouping="day" kind="area" markers={[]} partialBucket="2024-05-15" />);
    expect(dashed(container).length).toBeGreaterThan(0);
  });

  it("draws the partial bar lighter, the others as they are", () => {
    const { container } = render(<TimeSeriesChart points={points} metric="visits" grouping="day" kind="bar" markers={[]} partialBucket="2024-05-15" />);
    expect(container.querySelectorAll(".recharts-bar-rectangle path")).toHaveLength(3);
    const partial = container.querySelectorAll("[data-partial]");
    expect(partial).toHaveLength(1);
    expect(partial[0]!.getAttribute("fill-opacity")).toBe("0.35");
  });

  it("marks nothing for a closed range", () => {
    const { container } = render(<TimeSeriesChart points={points} metric="visits" grouping="day" kind="line" markers={[]} partialBucket={null} />);
    expect(dashed(container)).toHaveLength(0);
    expect(container.querySelector("[data-partial]")).toBeNull();
    expect(screen.getByRole("img").getAttribute("aria-label")).not.toContain("so far");
  });
});

describe("the time series tooltip", () => {
  const tooltip = (point: DrawnPoint, comparisonLabel?: string) =>
    render(
      <SeriesTooltip
        active
        payload={[{ payload: point, value: point.value, dataKey: "value" }] as never}
        metric="bounce_rate"
        grouping="day"
        markers={[]}
        comparisonLabel={comparisonLabel}
      />,
    );

  it("names the metric and says when a figure is so far", () => {
    const { container } = tooltip({ bucket: "2024-05-15", value: 0.4234, isPartial: true });
    expect(container.textContent).toBe("Wed, May 15, 2024 (today so far)Bounce rate: 42.3%");
  });

  it("names the comparison's bucket and figure, and says nothing of so far for a whole bucket", () => {
    const { container } = tooltip({ bucket: "2024-05-14", value: 0.5, previousBucket: "2024-04-30", previous: 0.25 }, "Previous period");
    expect(container.textContent).toBe("Tue, May 14, 2024Bounce rate: 50.0%Previous period (Tue, Apr 30, 2024): 25.0%");
  });
});
