// @vitest-environment jsdom
import { cleanup, render, screen } from "@testing-library/react";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { TimeSeriesChart } from "./time-series-chart";
import { stubChartLayout } from "./test-chart-layout";

beforeEach(stubChartLayout);
afterEach(cleanup);

const points = ["2024-05-01", "2024-05-02", "2024-05-03"].map((bucket, index) => ({ bucket, value: [120, 890, 40][index], previousBucket: `2024-04-2${index + 4}`, previous: 100 }));

describe("TimeSeriesChart", () => {
  it("draws a labelled marker for each milestone in range, with its name on hover", () => {
    const { container } = render(
      <TimeSeriesChart
        points={points}
        metric="visits"
        grouping="day"
        kind="line"
        comparisonLabel="Previous period"
        markers={[{ bucket: "2024-05-02", names: ["Launch", "Press"], ids: ["1", "2"] }]}
      />,
    );
    const flag = container.querySelector("[data-milestone]");
    expect(flag?.getAttribute("data-milestone")).toBe("Launch, Press");
    expect(flag?.querySelector("title")?.textContent).toBe("Milestone: Launch, Press");
    expect(container.querySelectorAll("[data-milestone]")).toHaveLength(1);
  });

  it("is one image named by a summary of the figures, the comparison and the milestones", () => {
    render(<TimeSeriesChart points={points} metric="visits" grouping="day" kind="bar" comparisonLabel="Previous period" markers={[{ bucket: "2024-05-02", names: ["Launch"], ids: ["1"] }]} />);
    const image = screen.getByRole("img");
    expect(image.getAttribute("aria-label")).toBe(
      "Bar chart of Visits, daily, Wed, May 1, 2024 to Fri, May 3, 2024. Highest 890 on Thu, May 2, 2024; lowest 40 on Fri, May 3, 2024. A dashed line shows the previous period. Milestones: Launch (Thu, May 2, 2024).",
    );
  });

  it("draws no marker for a chart without milestones", () => {
    const onPick = vi.fn();
    const { container } = render(<TimeSeriesChart points={points} metric="visits" grouping="day" kind="area" markers={[]} onPickBucket={onPick} />);
    expect(container.querySelector("[data-milestone]")).toBeNull();
    expect(container.querySelector(".recharts-area")).not.toBeNull();
  });
});

describe("FieldBarChart and MultiSeriesChart", () => {
  it("draw one bar per row and one series per group, each named for screen readers", async () => {
    const { FieldBarChart } = await import("./field-bar-chart");
    const { MultiSeriesChart } = await import("./multi-series-chart");
    const bars = render(<FieldBarChart metric="visits" groupLabel="Page" data={[{ label: "/", value: 9 }, { label: "/pricing", value: 4 }]} />);
    expect(bars.container.querySelectorAll(".recharts-bar-rectangle")).toHaveLength(2);
    expect(screen.getByRole("img").getAttribute("aria-label")).toBe("Bar chart of Visits by Page, top 2: / 9, /pricing 4.");
    cleanup();
    const chart = {
      series: [
        { key: "s0", name: "Chrome" },
        { key: "other", name: "Other" },
      ],
      points: [
        { bucket: "2024-05-01", s0: 3, other: 1 },
        { bucket: "2024-05-02", s0: 4, other: 2 },
      ],
    };
    const multi = render(<MultiSeriesChart chart={chart} metric="visits" grouping="day" kind="line" groupLabel="Browser" />);
    expect(multi.container.querySelectorAll(".recharts-line")).toHaveLength(2);
    expect(screen.getByText("Chrome")).toBeTruthy();
  });
});

describe("ChartFrame", () => {
  it("exposes one image: the drawing inside is hidden from assistive technology", () => {
    render(<TimeSeriesChart points={points} metric="visits" grouping="day" kind="line" markers={[]} />);
    expect(screen.getAllByRole("img")).toHaveLength(1);
    expect(document.querySelector("svg.recharts-surface")!.closest("[aria-hidden=true]")).not.toBeNull();
  });
});
