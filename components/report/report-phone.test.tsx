// @vitest-environment jsdom
import { cleanup, fireEvent, screen, within } from "@testing-library/react";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { stubChartLayout } from "@/components/charts/test-chart-layout";
import type { ReportResult } from "@/lib/query/report-result";
import { view } from "./test-panel-view";
import { dailyResult, pagesResult } from "./test-report-results";

beforeEach(stubChartLayout);
afterEach(cleanup);

const LONG = "/blog/how-we-cut-our-page-load-time-in-half-with-three-small-changes";

function wide(): ReportResult {
  const base = pagesResult([], 0);
  return {
    ...base,
    query: { ...base.query, metrics: ["visits", "uniques", "pageviews", "bounce_rate", "avg_duration"] },
    rows: [{ fields: { pathname: LONG }, values: { visits: 10, uniques: 9, pageviews: 20, bounce_rate: 0.5, avg_duration: 60 } }],
    totals: { visits: 10, uniques: 9, pageviews: 20, bounce_rate: 0.5, avg_duration: 60 },
  };
}

/** The table's scrolling box, laid out `scrollWidth` wide in a 390px phone's 358px. */
function layOut(scrollWidth: number, scrollLeft = 0) {
  const box = document.querySelector("[data-table-overflow] .overflow-auto") as HTMLElement;
  Object.defineProperty(box, "clientWidth", { configurable: true, value: 358 });
  Object.defineProperty(box, "scrollWidth", { configurable: true, value: scrollWidth });
  box.scrollLeft = scrollLeft;
  fireEvent.scroll(box);
  return box;
}

describe("on a phone", () => {
  it("the table says when columns are out of sight, until scrolled to the end", () => {
    view({ result: wide() });
    const box = layOut(900);
    expect(screen.getByText("Scroll for more columns →")).toBeTruthy();
    expect(document.querySelector("[data-table-overflow]")!.getAttribute("data-table-overflow")).toBe("more");
    // The box can be scrolled with the keyboard, and is named.
    expect(screen.getByRole("region", { name: "All rows, scrolls sideways" })).toBe(box);
    expect(box.tabIndex).toBe(0);

    layOut(900, 900 - 358);
    expect(screen.queryByText("Scroll for more columns →")).toBeNull();
    expect(document.querySelector("[data-table-overflow]")!.getAttribute("data-table-overflow")).toBe("end");
  });

  it("the table shows no hint when everything fits", () => {
    view({ result: wide() });
    const box = layOut(358);
    expect(screen.queryByText("Scroll for more columns →")).toBeNull();
    expect(box.hasAttribute("tabindex")).toBe(false);
  });

  it("the table's first column stays in sight", () => {
    view({ result: wide() });
    const header = screen.getByRole("columnheader", { name: /Page$/ });
    const rowHeader = screen.getByRole("rowheader");
    for (const cell of [header, rowHeader]) expect(cell.className).toMatch(/\bsticky\b.*\bleft-0\b/);
  });

  it("a long bar label wraps to two lines, whole on hover, in a column half the phone wide", () => {
    view({ result: wide() });
    const label = document.querySelector(`[data-bar-label="${LONG}"]`)!;
    const text = within(label as HTMLElement).getByTitle(LONG);
    expect(text.textContent).toBe(LONG);
    expect(text.className).toContain("line-clamp-2");
    expect(document.querySelector("[data-bar-labels]")!.className).toMatch(/\bw-\[45%\].*\bsm:w-56\b/);
  });

  it("milestones too close for their names are numbered on the chart and named by number below", () => {
    const close = dailyResult({
      milestones: [
        { id: "m1", name: "Spring launch", date: "2024-05-06" },
        { id: "m2", name: "Newsletter", date: "2024-05-07" },
      ],
    });
    const { container } = view({ result: close });
    const flags = [...container.querySelectorAll("[data-milestone]")];
    expect(flags.map((flag) => [flag.getAttribute("data-milestone-number"), flag.querySelector("title")?.textContent])).toEqual([
      ["1", "Milestone 1: Spring launch"],
      ["2", "Milestone 2: Newsletter"],
    ]);
    const list = screen.getByRole("list", { name: "Milestones in this range" });
    expect(within(list).getAllByRole("listitem").map((item) => [item.getAttribute("data-milestone-number"), item.textContent])).toEqual([
      ["1", "1Spring launchMon, May 6, 2024"],
      ["2", "2NewsletterTue, May 7, 2024"],
    ]);
  });

  it("milestones far apart keep their names on the chart", () => {
    const apart = dailyResult({
      milestones: [
        { id: "m1", name: "Spring launch", date: "2024-05-01" },
        { id: "m2", name: "Sale", date: "2024-05-12" },
      ],
    });
    const { container } = view({ result: apart });
    expect([...container.querySelectorAll("[data-milestone]")].map((flag) => flag.getAttribute("data-milestone-number"))).toEqual([null, null]);
    expect(container.querySelector("[data-milestones-numbered]")).toBeNull();
  });
});
