// @vitest-environment jsdom
import { cleanup, fireEvent, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { stubChartLayout } from "@/components/charts/test-chart-layout";
import type { ReportQuery } from "@/lib/query/report-query";
import type { ReportResult, ReportRow } from "@/lib/query/report-result";
import { view } from "./test-panel-view";
import { dailyResult, pagesResult } from "./test-report-results";

beforeEach(stubChartLayout);
afterEach(cleanup);

function breakdown(rows: ReportRow[], query: Partial<ReportQuery> = {}): ReportResult {
  const base = pagesResult([], 0);
  return { ...base, query: { ...base.query, metrics: ["visits"], ...query }, rows, totals: { visits: 1000 } };
}

const PAGES: ReportRow[] = [
  { fields: { pathname: "/" }, values: { visits: 600 } },
  { fields: { pathname: "/pricing" }, values: { visits: 300 } },
  { fields: { pathname: null }, values: { visits: 100 } },
];

const table = () => screen.getByRole("table");
const chart = () => screen.getByRole("region", { name: /^Top / });
const filterButtons = (scope: HTMLElement = document.body) => within(scope).queryAllByRole("button", { name: /^Filter on / });

describe("click to filter", () => {
  it("adds a row's value as a filter from the table, with the keyboard too", async () => {
    const onFilter = vi.fn();
    view({ result: breakdown(PAGES), onFilter });
    const button = within(table()).getByRole("button", { name: "Filter on Page is /pricing" });
    // The value stays the cell's text; the button is laid over it.
    expect(button.closest("th")?.textContent).toBe("/pricing");
    expect(button.getAttribute("data-filter-field")).toBe("pathname");
    expect(button.getAttribute("data-filter-value")).toBe("/pricing");
    // Read once: the button names the value; the text under it is for the eye (and the printer).
    expect(button.nextElementSibling?.getAttribute("aria-hidden")).toBe("true");
    fireEvent.click(button);
    expect(onFilter).toHaveBeenLastCalledWith({ property: "pathname", operator: "is", value: "/pricing" });

    const user = userEvent.setup();
    within(table()).getByRole("button", { name: "Filter on Page is /" }).focus();
    await user.keyboard("{Enter}");
    expect(onFilter).toHaveBeenLastCalledWith({ property: "pathname", operator: "is", value: "/" });
  });

  it("offers nothing for an empty value, nor for the value the report already filters on", () => {
    view({ result: breakdown(PAGES, { filters: [{ property: "pathname", operator: "is", value: "/" }] }), onFilter: vi.fn() });
    expect(filterButtons(table()).map((button) => button.getAttribute("aria-label"))).toEqual(["Filter on Page is /pricing"]);
    expect(within(table()).getByText("(none)").closest("button")).toBeNull();
  });

  it("filters on the field of the cell clicked in a row of two fields, a country by its code", () => {
    const onFilter = vi.fn();
    const rows: ReportRow[] = [{ fields: { pathname: "/pricing", country_code: "DE" }, values: { visits: 50 } }];
    view({ result: breakdown(rows, { by: ["pathname", "country_code"] }), onFilter });
    fireEvent.click(within(table()).getByRole("button", { name: "Filter on Country is Germany" }));
    expect(onFilter).toHaveBeenCalledWith({ property: "country_code", operator: "is", value: "DE" });
    // Each value of the bar's label is its own button too.
    expect(filterButtons(chart()).map((button) => button.getAttribute("aria-label"))).toEqual(["Filter on Page is /pricing", "Filter on Country is Germany"]);
  });

  it("offers nothing on a field Fathom cannot filter on", () => {
    view({ result: breakdown([{ fields: { keyword: "analytics" }, values: { visits: 5 } }], { by: ["keyword"] }), onFilter: vi.fn() });
    expect(filterButtons()).toEqual([]);
    expect(within(table()).getByText("analytics")).toBeTruthy();
  });

  it("adds a bar's value as a filter", () => {
    const onFilter = vi.fn();
    view({ result: breakdown(PAGES), onFilter });
    expect(filterButtons(chart()).map((button) => button.getAttribute("aria-label"))).toEqual(["Filter on Page is /", "Filter on Page is /pricing"]);
    fireEvent.click(within(chart()).getByRole("button", { name: "Filter on Page is /pricing" }));
    expect(onFilter).toHaveBeenCalledWith({ property: "pathname", operator: "is", value: "/pricing" });
    // The drawing is still one image, named by its summary.
    expect(within(chart()).getAllByRole("img")).toHaveLength(1);
  });

  it("adds a series' value as a filter from the multi-series chart's legend", () => {
    const onFilter = vi.fn();
    const daily = dailyResult({ comparison: undefined, milestones: [] }, { metrics: ["visits"], by: ["browser"], compare: "none" });
    const browsers = ["Chrome", "Firefox", "Safari", "Edge", "Opera", "Brave"];
    const rows = daily.range.buckets.flatMap((date) => browsers.map((browser, index) => ({ date, fields: { browser }, values: { visits: 60 - index * 10 } })));
    view({ result: { ...daily, rows }, onFilter });
    const legend = screen.getByRole("list", { name: "Legend" });
    expect(filterButtons(legend)).toHaveLength(5);
    // "Other" is the rest: nothing to filter on.
    expect(within(legend).getByText("Other").closest("button")).toBeNull();
    fireEvent.click(within(legend).getByRole("button", { name: "Filter on Browser is Firefox" }));
    expect(onFilter).toHaveBeenCalledWith({ property: "browser", operator: "is", value: "Firefox" });
  });

  it("makes nothing clickable without a page's action (dashboards, shares, saved reports)", () => {
    view({ result: breakdown(PAGES) });
    expect(filterButtons()).toEqual([]);
    expect(within(table()).getByText("/pricing")).toBeTruthy();
  });
});
