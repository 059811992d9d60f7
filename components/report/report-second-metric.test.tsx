// @vitest-environment jsdom
import { cleanup, fireEvent, screen, within } from "@testing-library/react";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { stubChartLayout } from "@/components/charts/test-chart-layout";
import { card, view } from "./test-panel-view";
import { dailyResult } from "./test-report-results";

beforeEach(stubChartLayout);
afterEach(cleanup);

const secondMetric = () => screen.getByRole("combobox", { name: "Second metric" }) as HTMLSelectElement;
const spaces = (text: string | null | undefined) => text?.replace(/\s/g, " ");

describe("a second metric on the time series", () => {
  it("is offered from the report's other metrics, and none by default", () => {
    view({ result: dailyResult() });
    expect(secondMetric().value).toBe("");
    expect(within(secondMetric()).getAllByRole("option").map((option) => option.textContent)).toEqual(["None", "Bounce rate"]);
    expect(document.querySelector(".second-series")).toBeNull();
  });

  it("draws on its own right-hand axis, in its own units, colour and dash, and the summary and legend name it", () => {
    const { container } = view({ result: dailyResult() });
    fireEvent.change(secondMetric(), { target: { value: "bounce_rate" } });
    expect(screen.getByRole("heading", { name: "Visits and bounce rate over time" })).toBeTruthy();
    expect(container.querySelector("[data-second-metric]")?.getAttribute("data-second-metric")).toBe("bounce_rate");
    const line = container.querySelector(".second-series path.recharts-curve")!;
    expect([line.getAttribute("stroke"), line.getAttribute("stroke-dasharray")]).toEqual(["rgb(var(--chart-2))", "8 3 2 3"]);
    // A value axis of its own, on the right (its ticks are in its own units: chart-format.test.ts).
    const axes = [...container.querySelectorAll(".recharts-yAxis .recharts-cartesian-axis-line")];
    expect(axes.map((axis) => axis.getAttribute("orientation"))).toEqual(["left", "right"]);

    const summary = screen.getByRole("img").getAttribute("aria-label")!;
    expect(summary).toMatch(/^Line chart of Visits and Bounce rate \(right axis\), daily, /);
    // Both metrics' figures, each in its own format.
    expect(summary).toMatch(/Highest 230 on Tue, May 14, 2024; lowest 100 on Wed, May 1, 2024\. Bounce rate: highest 50(\.0)?% on /);
    const legend = screen.getByRole("list", { name: "Legend" });
    expect(within(legend).getAllByRole("listitem").map((item) => spaces(item.textContent))).toEqual([
      "Visits",
      "Bounce rate (right axis)",
      "Previous period, Apr 17 – 30, 2024 (Visits)",
    ]);

    fireEvent.change(secondMetric(), { target: { value: "" } });
    expect(container.querySelector(".second-series")).toBeNull();
    expect(screen.getByRole("heading", { name: "Visits over time" })).toBeTruthy();
  });

  it("gives the dashed comparison line a legend entry with its dates", () => {
    view({ result: dailyResult() });
    const legend = screen.getByRole("list", { name: "Legend" });
    expect(within(legend).getAllByRole("listitem").map((item) => spaces(item.textContent))).toEqual(["Visits", "Previous period, Apr 17 – 30, 2024"]);
    expect(legend.querySelector('[data-legend-entry="previous"] [data-dash]')?.getAttribute("data-dash")).toBe("4 4");
  });

  it("is dropped when a card makes it the metric drawn", () => {
    view({ result: dailyResult() });
    fireEvent.change(secondMetric(), { target: { value: "bounce_rate" } });
    fireEvent.click(within(card("bounce_rate")).getByRole("button"));
    expect(screen.getByRole("heading", { name: "Bounce rate over time" })).toBeTruthy();
    expect(secondMetric().value).toBe("");
    expect(within(secondMetric()).getAllByRole("option").map((option) => option.textContent)).toEqual(["None", "Visits"]);
  });

  it("is not offered for a report of one metric", () => {
    view({ result: dailyResult({ comparison: undefined }, { metrics: ["visits"], compare: "none" }) });
    expect(screen.queryByRole("combobox", { name: "Second metric" })).toBeNull();
    // One series, nothing to tell apart: no legend.
    expect(screen.queryByRole("list", { name: "Legend" })).toBeNull();
  });
});
