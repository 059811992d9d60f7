// @vitest-environment jsdom
import { cleanup, fireEvent, screen, within } from "@testing-library/react";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { stubChartLayout } from "@/components/charts/test-chart-layout";
import type { ReportQuery } from "@/lib/query/report-query";
import type { ReportResult, ReportRow } from "@/lib/query/report-result";
import { view } from "./test-panel-view";
import { dailyResult, dayRange, pagesResult } from "./test-report-results";

beforeEach(stubChartLayout);
afterEach(cleanup);

const page = (pathname: string, visits: number, bounce: number): ReportRow => ({ fields: { pathname }, values: { visits, bounce_rate: bounce } });
const PAGES = [page("/", 900, 0.4), page("/tiny", 5, 1), page("/pricing", 300, 0.6), page("/blog", 60, 0.8)];

function pages(query: Partial<ReportQuery>, rows: ReportRow[] = PAGES): ReportResult {
  const base = pagesResult([], 0);
  return { ...base, query: { ...base.query, metrics: ["visits", "bounce_rate"], ...query }, rows, totals: { visits: 1265, bounce_rate: 0.47 } };
}

const chartRegion = () => screen.getByRole("region", { name: /^(Top|Bottom) / });
const barNames = () => screen.getByRole("img").getAttribute("aria-label");

describe("the field chart", () => {
  it("ranks by visits when the report is not sorted", () => {
    view({ result: pages({}) });
    expect(chartRegion().getAttribute("aria-label")).toBe("Top 4 by visits");
    expect(screen.queryByLabelText("Min. visits")).toBeNull();
  });

  it("follows a sort by bounce rate, and a minimum of visits keeps a page seen five times off the top", () => {
    view({ result: pages({ sort: { field: "bounce_rate", direction: "desc" } }) });
    expect(screen.getByRole("heading", { name: "Top 4 by bounce rate" })).toBeTruthy();
    expect(barNames()).toBe("Bar chart of Bounce rate by Page, top 4: /tiny 100.0%, /blog 80.0%, /pricing 60.0%, / 40.0%.");

    fireEvent.change(screen.getByLabelText("Min. visits"), { target: { value: "50" } });
    expect(screen.getByRole("heading", { name: "Top 3 by bounce rate, pages with at least 50 visits" })).toBeTruthy();
    expect(barNames()).toBe("Bar chart of Bounce rate by Page, pages with at least 50 visits, top 3: /blog 80.0%, /pricing 60.0%, / 40.0%.");
    // The table keeps every row.
    expect(screen.getAllByRole("row")).toHaveLength(PAGES.length + 1);
    expect(document.querySelector("[data-chart=field]")?.getAttribute("data-min-volume")).toBe("50");

    fireEvent.change(screen.getByLabelText("Min. visits"), { target: { value: "500" } });
    expect(screen.getByRole("heading", { name: "Top 1 by bounce rate, pages with at least 500 visits" })).toBeTruthy();
  });

  it("says lowest first when sorted ascending", () => {
    view({ result: pages({ sort: { field: "bounce_rate", direction: "asc" } }) });
    expect(chartRegion().getAttribute("aria-label")).toBe("Bottom 4 by bounce rate");
    expect(barNames()).toContain("bottom 4: / 40.0%, /pricing 60.0%");
  });

  it("keeps the first metric when sorted by a field", () => {
    view({ result: pages({ sort: { field: "pathname", direction: "asc" } }) });
    expect(chartRegion().getAttribute("aria-label")).toBe("Top 4 by visits");
  });

  it("says which metric to add for a minimum when the report has no count", () => {
    const rows = PAGES.map((row) => ({ ...row, values: { bounce_rate: row.values.bounce_rate! } }));
    view({ result: pages({ metrics: ["bounce_rate"], sort: { field: "bounce_rate", direction: "desc" } }, rows) });
    expect(screen.queryByRole("combobox")).toBeNull();
    expect(screen.getByText("Add Visits to the report's metrics to rank only rows with enough visits.")).toBeTruthy();
  });

  it("draws the metric a card picks, biggest first", () => {
    view({ result: pages({ sort: { field: "visits", direction: "asc" } }) });
    expect(chartRegion().getAttribute("aria-label")).toBe("Bottom 4 by visits");
    fireEvent.click(within(document.querySelector('[data-metric="bounce_rate"]') as HTMLElement).getByRole("button"));
    expect(chartRegion().getAttribute("aria-label")).toBe("Top 4 by bounce rate");
    expect(screen.getByLabelText("Min. visits")).toBeTruthy();
  });
});

describe("grouped values in the table and chart", () => {
  it("name empty values, muted, and countries by name with the code on hover", () => {
    const rows: ReportRow[] = [
      { fields: { referrer_hostname: "", country_code: "DE" }, values: { visits: 50 } },
      { fields: { referrer_hostname: "news.example", country_code: null }, values: { visits: 30 } },
    ];
    const base = pagesResult([], 0);
    view({ result: { ...base, query: { ...base.query, metrics: ["visits"], by: ["referrer_hostname", "country_code"] }, rows, totals: { visits: 80 } } });
    const body = screen.getAllByRole("row").slice(1);
    expect(body.map((row) => [row.children[0]!.textContent, row.children[1]!.textContent])).toEqual([
      ["Direct / none", "🇩🇪 Germany"],
      ["news.example", "(none)"],
    ]);
    expect(within(body[0]!).getByText("Direct / none").className).toContain("italic");
    expect(within(body[0]!).getByTitle("DE").textContent).toBe("🇩🇪 Germany");
    expect(barNames()).toBe("Bar chart of Visits by Referrer host · Country, top 2: Direct / none · Germany 50, news.example · (none) 30.");
  });
});

describe("today's bucket", () => {
  /** 2–15 May 2024: the range runs to today (NOW is 15 May, 12:03 in Berlin). */
  function running(chart: ReportQuery["chart"]): ReportResult {
    const result = dailyResult({ comparison: undefined, milestones: [] }, { compare: "none", chart });
    const range = dayRange("2024-05-02", 14);
    return { ...result, range, rows: range.buckets.map((date, index) => ({ date, fields: {}, values: { visits: index === 13 ? 40 : 300, bounce_rate: 0.5 } })) };
  }

  it("is drawn dashed and said to be today so far", () => {
    const { container } = view({ result: running("line") });
    expect(screen.getByText("Dashed: today so far")).toBeTruthy();
    expect(container.querySelector("[data-partial-note]")?.getAttribute("data-partial-note")).toBe("2024-05-15");
    expect(container.querySelector('.partial-series path[stroke-dasharray="6 4"]')).not.toBeNull();
  });

  it("is a lighter bar in a bar chart", () => {
    const { container } = view({ result: running("bar") });
    expect(screen.getByText("Lighter bar: today so far")).toBeTruthy();
    expect(container.querySelectorAll("[data-partial]")).toHaveLength(1);
  });

  it("is not marked in a closed range", () => {
    const { container } = view({ result: dailyResult() });
    expect(container.querySelector("[data-partial-note]")).toBeNull();
    expect(screen.queryByText(/so far/)).toBeNull();
  });
});
