// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen, within } from "@testing-library/react";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { stubChartLayout } from "@/components/charts/test-chart-layout";
import { ApiClientError } from "@/lib/api/client";
import type { ReportResult } from "@/lib/query/report-result";
import { downloadCsv } from "./csv-download";
import { ReportView, type ReportViewProps } from "./report-view";
import { dailyResult, pagesResult } from "./test-report-results";

vi.mock("./csv-download", () => ({ downloadCsv: vi.fn() }));
vi.mock("@/components/milestones/add-milestone-dialog", () => ({
  AddMilestoneDialog: ({ open, date, siteId }: { open: boolean; date: string; siteId: string }) =>
    open ? <div role="dialog" aria-label="Add milestone here">{`${siteId} ${date}`}</div> : null,
}));

beforeEach(stubChartLayout);
afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

const NOW = new Date("2024-05-15T10:03:00Z");

function view(props: Partial<ReportViewProps> & { result: ReportResult | undefined }) {
  const query = props.result?.query ?? dailyResult().query;
  return render(<ReportView query={query} isFetching={false} error={null} onRetry={() => {}} siteId="CDBUGS" canEdit={false} now={NOW} {...props} />);
}

const card = (metric: string) => document.querySelector(`[data-metric="${metric}"]`) as HTMLElement;

describe("metric cards", () => {
  it("colour the change by whether up is good for the metric", () => {
    view({ result: dailyResult() });
    const visits = within(card("visits"));
    expect(visits.getByText("2,500")).toBeTruthy();
    const visitsChange = card("visits").querySelector("[data-tone]")!;
    expect(visitsChange.textContent).toBe("▲ +25%");
    expect(visitsChange.getAttribute("data-tone")).toBe("good");
    expect(visitsChange.className).toContain("text-good");
    expect(visits.getByText("Up 25% on the previous period (2,000), good news.")).toBeTruthy();

    // Bounce rate went down from 50% to 40%: down is good news.
    const bounce = card("bounce_rate").querySelector("[data-tone]")!;
    expect(bounce.textContent).toBe("▼ -20%");
    expect(bounce.className).toContain("text-good");
    expect(card("bounce_rate").title.replace(/\s/g, " ")).toBe("Previous period (Apr 17 – 30, 2024): 50%");
  });

  it("colour a rise in bounce rate and a fall in visits as bad news", () => {
    view({ result: dailyResult({ totals: { visits: 1000, bounce_rate: 0.6 } }) });
    expect(card("visits").querySelector("[data-tone]")!.className).toContain("text-bad");
    expect(card("bounce_rate").querySelector("[data-tone]")!.className).toContain("text-bad");
    expect(card("bounce_rate").querySelector("[data-tone]")!.textContent).toBe("▲ +20%");
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
    expect(column(2)).toEqual(["25%", "15%", "10%", "20%"]);
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

  it("offers editors to add a milestone, and viewers not", () => {
    view({ result: dailyResult() });
    expect(screen.queryByRole("button", { name: "Add a milestone…" })).toBeNull();
    cleanup();
    view({ result: dailyResult(), canEdit: true });
    fireEvent.click(screen.getByRole("button", { name: "Add a milestone…" }));
    expect(screen.getByRole("dialog", { name: "Add milestone here" }).textContent).toBe("CDBUGS 2024-05-14");
  });

  it("draws no chart for a table-only report", () => {
    view({ result: dailyResult({}, { chart: "table" }) });
    expect(screen.queryByRole("img")).toBeNull();
    expect(screen.getByRole("table")).toBeTruthy();
  });
});

describe("states", () => {
  it("shows skeletons while the first answer loads", () => {
    view({ result: undefined, isFetching: true });
    expect(screen.getByRole("status").textContent).toBe("Loading the report…");
    expect(screen.getByTestId("report-skeleton").getAttribute("aria-busy")).toBe("true");
  });

  it("keeps the previous answer, dimmed, while a new one loads", () => {
    view({ result: dailyResult(), isFetching: true });
    expect(screen.getByText("Updating the report…")).toBeTruthy();
    expect(card("visits").closest("[aria-busy]")!.getAttribute("aria-busy")).toBe("true");
    expect(within(card("visits")).getByText("2,500")).toBeTruthy();
  });

  it("dims the previous report, and says so, when the new one failed", () => {
    const error = new ApiClientError(502, { code: "upstream_error", message: "Fathom answered with an error." });
    const previous = dailyResult();
    view({ result: previous, query: { ...previous.query, range: { preset: "last_7_days" } }, error });
    expect(screen.getByRole("alert").textContent).toContain("Fathom answered with an error.");
    expect(screen.getByText("Below is the previous report, until this one can run.")).toBeTruthy();
    expect(card("visits").closest(".opacity-50")).not.toBeNull();
  });

  it("does not dim a report whose refresh failed", () => {
    const error = new ApiClientError(502, { code: "upstream_error", message: "Fathom answered with an error." });
    view({ result: dailyResult(), error });
    expect(card("visits").closest(".opacity-50")).toBeNull();
  });

  it("says what to do when there is no data", () => {
    const result = dailyResult({ totals: { visits: 0, bounce_rate: 0 } });
    result.rows = result.rows.map((row) => ({ ...row, values: { visits: 0, bounce_rate: 0 } }));
    view({ result });
    expect(screen.getByText("No data for this range — try a longer one.")).toBeTruthy();
    expect(screen.queryByRole("table")).toBeNull();
  });

  it("warns that stale figures may be behind, with a way to refresh", () => {
    const onRetry = vi.fn();
    view({ result: dailyResult({ meta: { fetchedAt: "2024-05-15T10:00:00.000Z", cached: true, stale: true, upstreamCalls: 0 } }), onRetry });
    const notice = screen.getByText(/Fathom is busy/).closest("[role=status]")!;
    expect(notice.textContent).toBe("Updated 3 min ago; Fathom is busy, so these figures may be behind.Refresh");
    fireEvent.click(within(notice as HTMLElement).getByRole("button", { name: "Refresh" }));
    expect(onRetry).toHaveBeenCalledOnce();
  });

  it("says how old fresh figures are, in the site's timezone", () => {
    view({ result: dailyResult({ meta: { fetchedAt: "2024-05-15T10:00:00.000Z", cached: true, stale: false, upstreamCalls: 0 } }) });
    expect(screen.getByText(/Figures as of/).textContent).toBe("Figures as of May 15, 2024, 12:00 PM (Europe/Berlin) · from the cache");
  });

  it("shows the API's message with Retry", () => {
    const onRetry = vi.fn();
    const error = new ApiClientError(502, { code: "upstream_error", message: "Fathom answered with an error. Try again in a minute." });
    view({ result: undefined, error, onRetry });
    expect(screen.getByRole("alert").textContent).toContain("Fathom answered with an error. Try again in a minute.");
    fireEvent.click(screen.getByRole("button", { name: "Retry" }));
    expect(onRetry).toHaveBeenCalledOnce();
  });

  it("shows a refused pattern's headline, and a reason shared by several filters once", () => {
    const reason = "This pattern can take far too long to evaluate. Simplify it, e.g. use [a-z/-]+ instead.";
    const error = new ApiClientError(400, {
      code: "unsafe_pattern",
      message: "The patterns in filters 1 and 2 aren't safe to run, so the report was not sent to Fathom.",
      fields: { "filters.0.value": [reason], "filters.1.value": [reason] },
    });
    view({ result: undefined, error });
    const alert = within(screen.getByRole("alert"));
    expect(alert.getByText("The patterns in filters 1 and 2 aren't safe to run, so the report was not sent to Fathom.")).toBeTruthy();
    expect(alert.getAllByRole("listitem").map((item) => item.textContent)).toEqual([reason]);
  });

  it("counts down a 429's retryAfter before Retry comes back", () => {
    vi.useFakeTimers();
    const onRetry = vi.fn();
    const error = new ApiClientError(429, { code: "rate_limited", message: "Too many reports at once.", retryAfter: 3 });
    view({ result: dailyResult(), error, onRetry });
    expect(screen.getByRole("alert").textContent).toContain("Fathom's request budget is used up for the moment.");
    const button = screen.getByRole("button", { name: "Retry in 3s" }) as HTMLButtonElement;
    expect(button.disabled).toBe(true);
    act(() => vi.advanceTimersByTime(1000));
    expect(button.textContent).toBe("Retry in 2s");
    act(() => vi.advanceTimersByTime(2000));
    expect(button.textContent).toBe("Retry");
    expect(button.disabled).toBe(false);
    fireEvent.click(button);
    expect(onRetry).toHaveBeenCalledOnce();
    expect(screen.getByText("You can retry now.")).toBeTruthy();
  });
});
