// @vitest-environment jsdom
import { cleanup, fireEvent, screen, within } from "@testing-library/react";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { stubChartLayout } from "@/components/charts/test-chart-layout";
import type { ChartAction } from "./chart-action";
import { downloadCsv } from "./csv-download";
import { card, view } from "./test-panel-view";
import { dailyResult, pagesResult } from "./test-report-results";

vi.mock("./csv-download", () => ({ downloadCsv: vi.fn() }));

beforeEach(stubChartLayout);
afterEach(cleanup);

describe("metric cards", () => {
  it("colour the change by whether up is good for the metric", () => {
    view({ result: dailyResult() });
    const visits = within(card("visits"));
    expect(visits.getByText("2,500")).toBeTruthy();
    const visitsChange = card("visits").querySelector("[data-tone]")!;
    expect(visitsChange.textContent).toBe("▲ +25%");
    expect(visitsChange.getAttribute("data-tone")).toBe("good");
    expect(visitsChange.className).toContain("text-good");
    expect(visits.getByText("Up 25% on the previous period, Apr 17 – 30, 2024 (2,000), good news.")).toBeTruthy();
    // The compared dates are shown beside the change, not only in a tooltip.
    expect(card("visits").querySelector("[data-compared-dates]")!.textContent!.replace(/\s/g, " ")).toBe("vs Apr 17 – 30, 2024");

    // Bounce rate went down from 50% to 40%: down is good news, and a rate changes in points.
    const bounce = card("bounce_rate").querySelector("[data-tone]")!;
    expect(bounce.textContent).toBe("▼ -10 pts");
    expect(bounce.className).toContain("text-good");
    expect(card("bounce_rate").title.replace(/\s/g, " ")).toBe("Previous period (Apr 17 – 30, 2024): 50.0%");
  });

  it("colour a rise in bounce rate and a fall in visits as bad news", () => {
    view({ result: dailyResult({ totals: { visits: 1000, bounce_rate: 0.6 } }) });
    expect(card("visits").querySelector("[data-tone]")!.className).toContain("text-bad");
    expect(card("bounce_rate").querySelector("[data-tone]")!.className).toContain("text-bad");
    expect(card("bounce_rate").querySelector("[data-tone]")!.textContent).toBe("▲ +10 pts");
  });

  it("show no change without a comparison, and pick the charted metric", () => {
    view({ result: dailyResult({ comparison: undefined }, { compare: "none" }) });
    expect(card("visits").querySelector("[data-tone]")).toBeNull();
    const bounceButton = within(card("bounce_rate")).getByRole("button");
    expect(bounceButton.getAttribute("aria-pressed")).toBe("false");
    fireEvent.click(bounceButton);
    expect(bounceButton.getAttribute("aria-pressed")).toBe("true");
    expect(screen.getByRole("heading", { name: "Bounce rate over time" })).toBeTruthy();
  });
});

describe("table", () => {
  const result = pagesResult([["/", 50], ["/pricing", 30], [null, 20], ["/blog", 40]], 200);

  const column = (index: number) => screen.getAllByRole("row").slice(1).map((row) => row.children[index]!.textContent);

  it("shows each row's share of the period's total", () => {
    view({ result });
    expect(screen.getByRole("columnheader", { name: /% of pageviews/ })).toBeTruthy();
    expect(column(0)).toEqual(["/", "/pricing", "(none)", "/blog"]);
    expect(column(2)).toEqual(["25.0%", "15.0%", "10.0%", "20.0%"]);
  });

  it("sorts by any column and says so with aria-sort", () => {
    view({ result });
    const header = screen.getByRole("columnheader", { name: /Pageviews/ });
    expect(header.getAttribute("aria-sort")).toBe("none");
    fireEvent.click(within(header).getByRole("button"));
    expect(header.getAttribute("aria-sort")).toBe("descending");
    expect(column(1)).toEqual(["50", "40", "30", "20"]);
    fireEvent.click(within(header).getByRole("button"));
    expect(header.getAttribute("aria-sort")).toBe("ascending");
    expect(column(1)).toEqual(["20", "30", "40", "50"]);
    const page = screen.getByRole("columnheader", { name: /Page$/ });
    fireEvent.click(within(page).getByRole("button"));
    expect(page.getAttribute("aria-sort")).toBe("ascending");
    expect(header.getAttribute("aria-sort")).toBe("none");
    expect(column(0)).toEqual(["/", "/blog", "/pricing", "(none)"]);
  });

  it("downloads the rows as shown, under a name built from the report", () => {
    view({ result });
    fireEvent.click(within(screen.getByRole("columnheader", { name: /Pageviews/ })).getByRole("button"));
    fireEvent.click(screen.getByRole("button", { name: "Download CSV" }));
    expect(downloadCsv).toHaveBeenCalledWith(
      "sounding_CDBUGS_2024-05-01_to_2024-05-14_pageviews_by-pathname.csv",
      "Page,Pageviews,% of pageviews (%)\r\n/,50,25\r\n/blog,40,20\r\n/pricing,30,15\r\n,20,10\r\n",
    );
  });

  it("draws the top rows as bars", () => {
    view({ result });
    expect(screen.getByRole("img").getAttribute("aria-label")).toBe("Bar chart of Pageviews by Page, top 4: / 50, /blog 40, /pricing 30, (none) 20.");
  });
});

describe("time series", () => {
  it("marks the milestones in range and lists them", () => {
    const { container } = view({ result: dailyResult() });
    expect(container.querySelector('[data-milestone="Spring launch"]')).not.toBeNull();
    const list = screen.getByRole("list", { name: "Milestones in this range" });
    expect(list.textContent).toBe("Spring launchMon, May 6, 2024");
    expect(screen.getByRole("img").getAttribute("aria-label")).toContain("Milestones: Spring launch (Mon, May 6, 2024).");
  });

  it("draws a gap in the series as zero", () => {
    const result = dailyResult();
    result.rows = result.rows.filter((row) => row.date !== "2024-05-03");
    view({ result });
    expect(screen.getByRole("img").getAttribute("aria-label")).toContain("lowest 0 on Fri, May 3, 2024");
  });

  it("draws a page's chart action under the time series, and none without one", () => {
    view({ result: dailyResult() });
    expect(screen.queryByRole("button", { name: "Act on a day" })).toBeNull();
    cleanup();
    const action = vi.fn<ChartAction["render"]>(({ picked, lastDate }) => (
      <button type="button">{`Act on a day: ${picked?.date ?? "none picked"}, last ${lastDate}`}</button>
    ));
    view({ result: dailyResult(), chartAction: { hint: "Click to act here", render: action } });
    expect(screen.getByRole("button", { name: /Act on a day/ }).textContent).toBe("Act on a day: none picked, last 2024-05-14");
    expect(action).toHaveBeenLastCalledWith(expect.objectContaining({ picked: null, lastDate: "2024-05-14" }));
  });

  it("offers no chart action where there is no time series", () => {
    const action = vi.fn<ChartAction["render"]>(() => <button type="button">Act on a day</button>);
    view({ result: pagesResult([["/", 5]], 5), chartAction: { hint: "Click to act here", render: action } });
    expect(screen.queryByRole("button", { name: "Act on a day" })).toBeNull();
    expect(action).not.toHaveBeenCalled();
  });

  it("draws no chart for a table-only report", () => {
    view({ result: dailyResult({}, { chart: "table" }) });
    expect(screen.queryByRole("img")).toBeNull();
    expect(screen.getByRole("table")).toBeTruthy();
  });
});

describe("the panel", () => {
  it("says on its own root which report it shows and whether that one is drawn", () => {
    const { container } = view({ result: dailyResult(), panelId: "tile-7" });
    const root = container.firstElementChild!;
    expect([root.getAttribute("data-report-panel"), root.getAttribute("data-report-state")]).toEqual(["tile-7", "ready"]);
    expect(root.getAttribute("data-report-key")).toBe("site=CDBUGS&metrics=visits,bounce_rate&group=day&compare=previous_period");
    cleanup();
    const previous = dailyResult();
    const next = view({ result: previous, query: { ...previous.query, range: { preset: "last_7_days" } } });
    // The answer on screen is the previous report's: not "ready" for the one asked.
    expect(next.container.firstElementChild!.getAttribute("data-report-state")).toBe("idle");
  });

  it("shows only the parts asked for, under its heading", () => {
    view({ result: dailyResult(), heading: "Weekly visits", parts: ["chart"] });
    const panel = screen.getByRole("region", { name: "Weekly visits" });
    expect(within(panel).getByRole("heading", { level: 3, name: "Visits over time" })).toBeTruthy();
    expect(document.querySelector("[data-metric]")).toBeNull();
    expect(screen.queryByRole("table")).toBeNull();
    cleanup();
    view({ result: dailyResult(), parts: ["cards", "table"] });
    expect(within(card("visits")).getByText("2,500")).toBeTruthy();
    // Without a chart to pick for, the cards are figures, not buttons.
    expect(within(card("visits")).queryByRole("button")).toBeNull();
    expect(screen.getByRole("heading", { level: 2, name: /All rows/ })).toBeTruthy();
    expect(screen.queryByRole("img")).toBeNull();
  });

  it("formats money in the currency the answer names", () => {
    const result = dailyResult(
      { totals: { conversions: 3, value: 123456 }, comparison: undefined, currency: "euro", milestones: [] },
      { entity: "event", event: "Sign up", metrics: ["conversions", "value"], compare: "none" },
    );
    result.rows = result.rows.map((row) => ({ ...row, values: { conversions: 1, value: 41152 } }));
    view({ result });
    expect(within(card("value")).getByText("€1,234.56")).toBeTruthy();
    expect(screen.getAllByRole("row")[1]!.textContent).toContain("€411.52");
  });
});

describe("computed cards", () => {
  it("show an event's conversion rate, revenue per visitor and order value, labelled as computed, with their change", () => {
    const base = dailyResult();
    const query = { ...base.query, entity: "event" as const, event: "Purchase", metrics: ["conversions" as const, "unique_conversions" as const, "value" as const] };
    view({
      result: {
        ...base,
        query,
        rows: [],
        totals: { conversions: 40, unique_conversions: 30, value: 120_000 },
        siteVisits: 1_000,
        comparison: { ...base.comparison!, rows: [], totals: { conversions: 20, unique_conversions: 20, value: 50_000 }, siteVisits: 1_000 },
        currency: "dollar",
      },
    });
    const cards = screen.getByRole("list", { name: "Computed figures" });
    const rate = within(cards).getByText("Conversion rate").closest("li")!;
    expect(rate.textContent).toContain("computed");
    expect(rate.textContent).toContain("3.0%");
    expect(rate.textContent).toContain("unique completions ÷ site visits");
    expect(rate.querySelector("[data-tone]")!.textContent).toBe("▲ +1 pts");
    expect(within(cards).getByText("Revenue per visitor").closest("li")!.textContent).toContain("$1.20");
    expect(within(cards).getByText("Avg. order value").closest("li")!.textContent).toContain("$30.00");
  });

  it("are not shown for a pageview report", () => {
    view({ result: dailyResult() });
    expect(screen.queryByRole("list", { name: "Computed figures" })).toBeNull();
  });
});
