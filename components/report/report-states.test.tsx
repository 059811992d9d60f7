// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen, within } from "@testing-library/react";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { stubChartLayout } from "@/components/charts/test-chart-layout";
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { ApiClientError } from "@/lib/api/client";
import { defaultReportQuery } from "@/lib/query/report-query";
import { WaitingNote } from "./report-states";
import { card, view } from "./test-panel-view";
import { dailyResult } from "./test-report-results";

beforeEach(stubChartLayout);
afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

describe("states", () => {
  it("dates the figures by their own fetch, and the comparison's separately when it is older", () => {
    const result = dailyResult();
    view({ result: { ...result, meta: { ...result.meta, fetchedAt: "2024-05-15T10:00:00.000Z", comparisonFetchedAt: "2024-05-12T08:30:00.000Z" } } });
    const line = document.querySelector("[data-freshness]")!.textContent!.replace(/\s/g, " ");
    expect(line).toContain("Figures as of May 15, 2024, 12:00 PM (Europe/Berlin)");
    expect(line).toContain("comparison as of May 12, 2024, 10:30 AM");
  });

  it("says nothing of the comparison's time when it is the figures' own", () => {
    const result = dailyResult();
    view({ result: { ...result, meta: { ...result.meta, comparisonFetchedAt: result.meta.fetchedAt } } });
    expect(document.querySelector("[data-freshness]")!.textContent).not.toContain("comparison");
  });

  it("says a range still to come hasn't happened, instead of asking for a longer one", () => {
    const empty = dailyResult({ rows: [], totals: { visits: 0, bounce_rate: 0 }, comparison: undefined }, { compare: "none" });
    view({ result: { ...empty, range: { ...empty.range, startDate: "2030-01-01", endDate: "2030-01-31" } } });
    expect(screen.getByText("These dates haven't happened yet.")).toBeTruthy();
    expect(screen.queryByText(/try a longer one/)).toBeNull();
  });

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

  it("queues a report refused for the budget: it counts down and runs by itself, once", () => {
    vi.useFakeTimers();
    const onRetry = vi.fn();
    const error = new ApiClientError(429, { code: "budget_exhausted", message: "Sounding is pacing its requests.", retryAfter: 3 });
    view({ result: dailyResult(), error, onRetry });
    expect(screen.getByText("Fathom's request budget is used up for the moment.")).toBeTruthy();
    expect(screen.getByText(/Queued: this report runs by itself in/).textContent).toContain("3s");
    act(() => vi.advanceTimersByTime(1000));
    expect(screen.getByText(/Queued: this report runs by itself in/).textContent).toContain("2s");
    expect(onRetry).not.toHaveBeenCalled();
    act(() => vi.advanceTimersByTime(2000));
    expect(onRetry).toHaveBeenCalledOnce();
    act(() => vi.advanceTimersByTime(5000));
    expect(onRetry).toHaveBeenCalledOnce();
  });

  it("lets a queued report be held back, then counts down before Retry comes back", () => {
    vi.useFakeTimers();
    const onRetry = vi.fn();
    const error = new ApiClientError(429, { code: "rate_limited", message: "Too many reports at once.", retryAfter: 3 });
    view({ result: dailyResult(), error, onRetry });
    fireEvent.click(screen.getByRole("button", { name: "Don't run it" }));
    const button = screen.getByRole("button", { name: "Retry in 3s" }) as HTMLButtonElement;
    expect(button.disabled).toBe(true);
    act(() => vi.advanceTimersByTime(1000));
    expect(button.textContent).toBe("Retry in 2s");
    act(() => vi.advanceTimersByTime(2000));
    expect(button.textContent).toBe("Retry");
    expect(button.disabled).toBe(false);
    expect(onRetry).not.toHaveBeenCalled();
    fireEvent.click(button);
    expect(onRetry).toHaveBeenCalledOnce();
    expect(screen.getByText("You can retry now.")).toBeTruthy();
  });
});

describe("a run that waits", () => {
  const query = defaultReportQuery("CDBUGS");

  it("says nothing for a moment, then that it waits for Fathom and for how long", () => {
    vi.useFakeTimers();
    render(<WaitingNote query={query} />);
    expect(screen.queryByText(/Waiting for Fathom/)).toBeNull();
    act(() => vi.advanceTimersByTime(2_000));
    expect(screen.getByText("Waiting for Fathom to answer (2 s so far)…")).toBeTruthy();
  });

  it("says it is queued for the budget, and about when it starts, when the builder was told it must wait", () => {
    vi.useFakeTimers({ now: Date.parse("2024-05-15T16:00:00Z") });
    const client = new QueryClient();
    const cost = {
      questions: 2,
      cached: 0,
      budget: { available: 0, capacity: 10, windowSeconds: 61, nextTokenAt: "2024-05-15T16:00:30.000Z", pausedUntil: null, queued: 1 },
    };
    client.setQueryData(["report-cost", "site=CDBUGS", "shown"], cost);
    render(
      <QueryClientProvider client={client}>
        <WaitingNote query={query} />
      </QueryClientProvider>,
    );
    act(() => vi.advanceTimersByTime(2_000));
    expect(screen.getByText("Queued for Fathom's request budget (2 s so far): it should start in about 28 s.")).toBeTruthy();
  });
});

